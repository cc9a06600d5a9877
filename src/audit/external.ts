/** Limits of the external link check. */
export interface ExternalCheckOptions {
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** Per request, in milliseconds. */
  readonly timeoutMs: number;
}

/** Default limits: gentle on other sites, done within a minute for a few hundred links. */
export const defaultExternalCheckOptions = { concurrency: 8, timeoutMs: 10_000 } satisfies ExternalCheckOptions;

/** What became of one external URL. */
export interface ExternalResult {
  readonly url: string;
  readonly ok: boolean;
  /** HTTP status, when the server answered. */
  readonly status?: number;
  /** Why it failed without a status: timeout, DNS, refused connection. */
  readonly error?: string;
}

/**
 * Request every URL (HEAD, then GET when the server refuses HEAD) with bounded concurrency and a
 * timeout each. A redirect is followed; a 4xx/5xx answer or no answer is a broken link.
 */
export async function checkExternalLinks(urls: readonly string[], options: ExternalCheckOptions = defaultExternalCheckOptions): Promise<ExternalResult[]> {
  const results: ExternalResult[] = new Array<ExternalResult>(urls.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const i = next++;
      const url = urls[i];
      if (url !== undefined) results[i] = await checkOne(url, options.timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, urls.length)) }, worker));
  return results;
}

async function checkOne(url: string, timeoutMs: number): Promise<ExternalResult> {
  try {
    let response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    if (response.status === 405 || response.status === 501) {
      response = await fetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel();
    }
    return { url, ok: response.status < 400, status: response.status };
  } catch (error) {
    const name = (error as Error).name;
    const reason = name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : describe(error);
    return { url, ok: false, error: reason };
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
