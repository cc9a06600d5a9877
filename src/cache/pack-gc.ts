/** When to rewrite packs: a pack goes once less than half of it is live, or when there are more than `maxPacks`. */
export interface PackGcOptions {
  readonly maxPacks: number;
}

/** Eight packs: a handful of descriptors and index files per build, while one-article builds add a small pack each. */
export const defaultPackGcOptions = { maxPacks: 8 } satisfies PackGcOptions;

/**
 * The sealed packs whose live records should be copied into the new pack: those less than half
 * live (rewriting them costs at most as much as the dead bytes they free), then the smallest of the
 * rest while there are more than `maxPacks` with the new one. Packs with no live record are left
 * out: nothing to copy, and they are deleted with the others no manifest needs.
 */
export function packsToRewrite(sizes: ReadonlyMap<string, number>, liveBytes: ReadonlyMap<string, number>, options: PackGcOptions = defaultPackGcOptions): string[] {
  const live = [...sizes.keys()].filter((pack) => (liveBytes.get(pack) ?? 0) > 0);
  const sparse = live.filter((pack) => (liveBytes.get(pack) ?? 0) * 2 < (sizes.get(pack) ?? 0));
  const rest = live.filter((pack) => !sparse.includes(pack)).sort((a, b) => (liveBytes.get(a) ?? 0) - (liveBytes.get(b) ?? 0));
  const excess = Math.max(0, rest.length + 1 - options.maxPacks);
  return [...sparse, ...rest.slice(0, excess)];
}
