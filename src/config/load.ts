import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { failContent } from '../diagnostics/content-error.js';
import type { ConfigOverrides } from './resolve.js';
import type { SiteConfig } from './schema.js';

/**
 * Configs validated by earlier builds, by a digest of everything validation reads (the file's text,
 * its display name and the overrides); the build keeps one in its cache folder, under the tool's fingerprint.
 */
export interface ValidatedConfigs {
  get(digest: string): Promise<SiteConfig | undefined>;
  set(digest: string, config: SiteConfig): Promise<void>;
}

/** The default config file name, looked up in the site root. */
export const defaultConfigFile = 'site.config.json';

/**
 * Read and validate the site config. `displayPath` is how diagnostics name the file. With `validated`,
 * a config text an earlier build validated is taken from it as it was validated then.
 */
export async function loadConfig(configPath: string, displayPath: string, overrides: ConfigOverrides = {}, validated?: ValidatedConfigs): Promise<SiteConfig> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    failContent(
      {
        file: displayPath,
        code: missing ? 'config/missing' : 'config/unreadable',
        message: missing ? 'no site config found' : `cannot read the site config: ${(error as Error).message}`,
        note: missing ? `create ${path.basename(configPath)} with at least {"title": "...", "baseUrl": "https://..."}` : undefined,
      },
      error,
    );
  }
  const source = text.replace(/^\uFEFF/, '');
  const digest = createHash('sha256').update(JSON.stringify([source, displayPath, overrides])).digest('hex');
  const known = await validated?.get(digest);
  if (known) return known;
  // zod and the JSON-with-positions parser load only here: a build whose config did not change never needs them (70 ms).
  const { resolveConfig } = await import('./resolve.js');
  const config = resolveConfig(source, displayPath, overrides);
  await validated?.set(digest, config);
  return config;
}
