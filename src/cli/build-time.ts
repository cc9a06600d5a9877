/**
 * The build time: SOURCE_DATE_EPOCH (seconds) when set, so that rebuilding the same input at
 * another time gives byte-identical output; the clock otherwise.
 */
export function buildTime(env: Readonly<Record<string, string | undefined>>, clock: () => number = Date.now): number {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return Number(epoch.trim()) * 1000;
  return clock();
}
