import { isDeepStrictEqual } from 'node:util';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeDurably } from '../cache/write-all.js';
import type { ValidatedConfigs } from '../config/load.js';
import type { SiteConfig } from '../config/schema.js';
import { toolFingerprint } from './tool-fingerprint.js';

interface StoredConfig {
  readonly tool: string;
  readonly digest: string;
  readonly config: SiteConfig;
}

/**
 * The last validated config, in `config.json` of the cache folder, under the tool's fingerprint
 * (another version of the tool or of zod validates again). A file that cannot be read or parsed is no entry.
 */
export function validatedConfigs(cacheDir: string): ValidatedConfigs {
  const file = path.join(cacheDir, 'config.json');
  return {
    async get(digest) {
      const stored = await readStored(file);
      return stored?.digest === digest && stored.tool === (await toolFingerprint(cacheDir)) ? stored.config : undefined;
    },
    async set(digest, config) {
      // Only a config that JSON gives back as it is can be taken from the file as validated.
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(config)), config)) return;
      const stored: StoredConfig = { tool: await toolFingerprint(cacheDir), digest, config };
      await mkdir(cacheDir, { recursive: true });
      writeDurably(file, Buffer.from(JSON.stringify(stored)));
    },
  };
}

async function readStored(file: string): Promise<StoredConfig | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredConfig;
  } catch {
    // None yet, or damaged: validated again and written anew.
    return undefined;
  }
}
