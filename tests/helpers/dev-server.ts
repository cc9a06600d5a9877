import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { startDev, type DevSession } from '../../src/dev/start-dev.js';
import { fixedNow } from './site.js';

/** One server-sent event. */
export interface SseEvent {
  readonly event: string;
  readonly data: unknown;
}

/** A listener on the dev server's event channel that keeps every event it received. */
export interface EventLog {
  readonly events: SseEvent[];
  /** Resolves with the first event from index `from` on that matches, or rejects after `timeoutMs`. */
  readonly next: (match: (e: SseEvent) => boolean, from: number, timeoutMs?: number) => Promise<SseEvent>;
  readonly close: () => void;
}

/** Start the real dev server on a loopback port chosen by the system. */
export async function startTestServer(root: string): Promise<DevSession> {
  return startDev(
    { root, drafts: true, future: false, now: fixedNow, host: '127.0.0.1', port: 0, nextFreePort: false },
    () => undefined,
    // A failed rebuild is our bug: make the test that caused it show it.
    (error) => console.error('dev rebuild failed:', error),
  );
}

/** Connect to `/__broadsheet/events` and collect events; resolves once connected. */
export function listen(baseUrl: string): Promise<EventLog> {
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  return new Promise((resolve, reject) => {
    const req = http.get(new URL('/__broadsheet/events', baseUrl), (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event !== undefined && data !== undefined) events.push({ event, data: JSON.parse(data) });
        }
        for (const wake of waiters) wake();
      });
      resolve({ events, next: (match, from, timeoutMs = 10_000) => nextEvent(events, waiters, match, from, timeoutMs), close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

function nextEvent(events: SseEvent[], waiters: Set<() => void>, match: (e: SseEvent) => boolean, from: number, timeoutMs: number): Promise<SseEvent> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = events.slice(from).find(match);
      if (!found) return;
      cleanup();
      resolve(found);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.slice(from))}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      waiters.delete(check);
    };
    waiters.add(check);
    check();
  });
}

/** GET a URL; the status, content type and body text. */
export async function get(url: string): Promise<{ status: number; type: string; text: string; location: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text(), location: response.headers.get('location') ?? '' };
}

/** An event that reloads `url`. */
export const reloads = (url: string) => (e: SseEvent): boolean => e.event === 'reload' && (e.data as { urls: string[] }).urls.includes(url);

/** The `problems` event. */
export const problems = (e: SseEvent): boolean => e.event === 'problems';

/** Resolve once the watcher reports saves: touch a public file until a rebuild is announced (bounded by `timeoutMs`). */
export async function untilWatching(root: string, log: EventLog, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let n = 0; Date.now() < deadline; n++) {
    const from = log.events.length;
    mkdirSync(path.join(root, 'public'), { recursive: true });
    writeFileSync(path.join(root, 'public', 'watch-probe.txt'), `probe ${n}\n`);
    try {
      await log.next(problems, from, 500);
      return;
    } catch {
      // not watching yet: write again
    }
  }
  throw new Error(`the dev server did not see a save within ${timeoutMs} ms`);
}
