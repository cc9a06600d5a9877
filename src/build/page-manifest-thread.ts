import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { checkedManifest, manifestFor, type ManifestCheckReply } from './page-manifest.js';

// Entry point of the thread `loadManifest` starts for a large manifest: read it, stat every file it
// lists, and answer once with its text and the files changed since; nothing when it cannot be used.
const { file, outDir } = workerData as { readonly file: string; readonly outDir: string };

async function check(): Promise<ManifestCheckReply> {
  try {
    const text = await readFile(file, 'utf8');
    const manifest = await manifestFor(text, outDir);
    if (manifest === undefined) return {};
    return { text, changed: [...checkedManifest(manifest, outDir).changed] };
  } catch {
    return {};
  }
}

parentPort?.postMessage(await check());
