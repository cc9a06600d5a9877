import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import sirv from 'sirv';
import { build } from '../../src/build/build.js';
import { fixedNow } from './site.js';

/** The project root (the sample site lives there). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Debian's Chromium, as CI installs it with apt. */
export const chromiumPath = '/usr/bin/chromium';

/** Set by .ci/run: a missing browser or Java fails the tests instead of skipping them. */
export const toolsRequired = process.env.BROADSHEET_REQUIRE_BROWSER === '1';

/** Whether a test needing `what` must be skipped; says why once, loudly, when it is. */
export function skipWithout(present: boolean, what: string, install: string): boolean {
  if (present) return false;
  if (toolsRequired) {
    console.error(`${what} is missing but BROADSHEET_REQUIRE_BROWSER=1: these tests fail. Install it with: ${install}`);
    return false;
  }
  console.warn(`\n*** SKIPPED: ${what} is missing, so its tests did not run. Install it with: ${install} ***\n`);
  return true;
}

/** Whether Chromium is installed where the browser tests look for it. */
export const hasChromium = existsSync(chromiumPath);

/** Whether `java` runs (the Nu Html Checker needs it). */
export const hasJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;

/**
 * Launch headless Chromium with the flags CI uses. Playwright refuses `--user-data-dir` here and
 * itself gives every launch a fresh temporary profile, deleted on close.
 */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  const browser = await chromium.launch({ executablePath: chromiumPath, args });
  return { browser, close: () => browser.close() };
}

/** The sample site built with the real FsWriter (so with its search index) into a fresh folder. */
export async function buildSampleSite(): Promise<{ outDir: string; dispose: () => void }> {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-e2e-'));
  const outDir = path.join(parent, 'site');
  const result = await build({ root: projectRoot, outDir, now: fixedNow });
  if (!result.ok) throw new Error(`sample site did not build: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return { outDir, dispose: () => rmSync(parent, { recursive: true, force: true }) };
}

/** Serve a folder on 127.0.0.1 at a free port, as a static host would. */
export async function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((req, res) => handler(req, res, () => {
    res.statusCode = 404;
    res.end('not found');
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The built sample site, served, with a Chromium context on it that records what a reader would see go wrong. */
export interface SampleSiteSession {
  readonly origin: string;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** Requests to any other origin (the theme must load nothing from elsewhere). */
  readonly foreignRequests: string[];
  /** Console errors, uncaught page errors and responses of 400 or more. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Build the sample site, serve it and open a desktop-sized zh-CN browser context on it. */
export async function openSampleSiteSession(): Promise<SampleSiteSession> {
  const site = await buildSampleSite();
  const server = await serveStatic(site.outDir);
  const launched = await launchChromium();
  const context = await launched.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (r) => void (r.url().startsWith(server.origin) || foreignRequests.push(r.url())));
  // Chromium probes /favicon.ico on its own; a site without one is not an error of the theme.
  context.on('console', (m) => void (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && pageErrors.push(`${m.text()} at ${m.location().url}`)));
  context.on('weberror', (e) => void pageErrors.push(e.error().message));
  context.on('response', (r) => void (r.status() >= 400 && pageErrors.push(`${r.status()} ${r.url()}`)));
  const close = async (): Promise<void> => {
    await launched.close();
    await server.close();
    site.dispose();
  };
  return { origin: server.origin, browser: launched.browser, context, foreignRequests, pageErrors, close };
}
