import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A package loaded (synchronously, its CommonJS build) on the first call, not when the module that
 * uses it loads: for the packages a build may never need (a template engine for an up-to-date
 * build, decoders for a site of UTF-8 files), whose loading every build and every thread would pay.
 */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(name) as T);
}
