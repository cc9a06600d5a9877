import picomatch from 'picomatch';
import type { SourceFile } from '../../source/source-file.js';
import type { DecodedSource } from '../types.js';
import { decode } from './decode.js';
import { htmlDeclaredCharset } from './html-charset.js';

/** The site settings the decode stage reads. */
export interface DecodeSettings {
  /** Glob (relative to the content folder) -> encoding, from site.config.json `encoding`. */
  readonly encoding: Readonly<Record<string, string>>;
  readonly candidates: readonly string[];
}

const matcherCache = new WeakMap<Readonly<Record<string, string>>, ReadonlyArray<readonly [picomatch.Matcher, string]>>();

function matchers(map: Readonly<Record<string, string>>): ReadonlyArray<readonly [picomatch.Matcher, string]> {
  let list = matcherCache.get(map);
  if (!list) {
    list = Object.entries(map).map(([glob, encoding]) => [picomatch(glob, { dot: true }), encoding] as const);
    matcherCache.set(map, list);
  }
  return list;
}

/** The encoding the site config declares for a content path: the last matching glob wins, as in later overrides. */
export function declaredEncoding(contentPath: string, map: Readonly<Record<string, string>>): string | undefined {
  let found: string | undefined;
  for (const [matches, encoding] of matchers(map)) if (matches(contentPath)) found = encoding;
  return found;
}

/** Decode one content file with the site's `encoding` globs, an HTML page's own charset label, and the candidates. */
export function decodeSource(file: SourceFile, settings: DecodeSettings): DecodedSource {
  const declared = declaredEncoding(file.contentPath, settings.encoding);
  const label = /\.html?$/i.test(file.path) ? htmlDeclaredCharset(file.bytes) : undefined;
  const result = decode(file.bytes, {
    path: file.path,
    candidates: settings.candidates,
    configKey: file.contentPath,
    ...(declared === undefined ? {} : { declared }),
    ...(label === undefined ? {} : { label }),
  });
  return { path: file.path, ...result };
}
