import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExternalLinks } from '../../../src/audit/external.js';

// A local server only: tests never touch the internet.
let server: Server;
let base = '';
let inFlight = 0;
let maxInFlight = 0;
const held: import('node:http').ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const done = (status: number, headers: Record<string, string> = {}) => void res.writeHead(status, headers).end();
    if (req.url === '/ok') {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      setTimeout(() => {
        inFlight--;
        done(200);
      }, 20);
    }
    else if (req.url === '/moved') done(301, { location: '/ok' });
    else if (req.url === '/no-head') done(req.method === 'HEAD' ? 405 : 200);
    else if (req.url === '/slow') held.push(res); // never answered while the test runs
    else done(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('checkExternalLinks', () => {
  it('reports status, follows redirects, falls back to GET, and times out', async () => {
    const results = await checkExternalLinks([`${base}/ok`, `${base}/moved`, `${base}/no-head`, `${base}/gone`, `${base}/slow`], { concurrency: 4, timeoutMs: 4_000 }); // generous: the machine may be busy
    expect(results.map((r) => [r.url.slice(base.length), r.ok, r.status ?? r.error])).toEqual([
      ['/ok', true, 200],
      ['/moved', true, 200],
      ['/no-head', true, 200],
      ['/gone', false, 404],
      ['/slow', false, 'no answer within 4000 ms'],
    ]);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    maxInFlight = 0;
    const urls = Array.from({ length: 12 }, () => `${base}/ok`);
    const results = await checkExternalLinks(urls, { concurrency: 3, timeoutMs: 5_000 });
    expect(results.every((r) => r.ok)).toBe(true);
    expect(maxInFlight).toBe(3);
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const [result] = await checkExternalLinks([`http://127.0.0.1:${port}/`], { concurrency: 1, timeoutMs: 2_000 });
    expect(result).toEqual({ url: `http://127.0.0.1:${port}/`, ok: false, error: 'ECONNREFUSED' });
  });
});
