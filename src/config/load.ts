import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { failContent } from '../diagnostics/content-error.js';
import { resolveConfig, type ConfigOverrides } from './resolve.js';
import type { SiteConfig } from './schema.js';

/** The default config file name, looked up in the site root. */
export const defaultConfigFile = 'site.config.json';

/** Read and validate the site config. `displayPath` is how diagnostics name the file. */
export async function loadConfig(configPath: string, displayPath: string, overrides: ConfigOverrides = {}): Promise<SiteConfig> {
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
  return resolveConfig(text.replace(/^\uFEFF/, ''), displayPath, overrides);
}
