/** Runs one rebuild with every path changed since the last one started. */
export type RebuildRun = (changed: ReadonlySet<string>) => Promise<void>;

/**
 * Coalesces bursts of file events into rebuilds, one at a time: a save that touches several
 * files, or saves that arrive while a rebuild runs, become a single following rebuild.
 */
export class RebuildQueue {
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  /** `settleMs`: how long to wait after an event for the rest of its burst; `onError` gets a rebuild's failure. */
  constructor(
    private readonly run: RebuildRun,
    private readonly onError: (error: unknown) => void,
    private readonly settleMs = 15,
  ) {}

  /** Note one changed path; a rebuild follows once the burst settles and no rebuild runs. */
  add(path: string): void {
    if (this.closed) return;
    this.pending.add(path);
    this.schedule();
  }

  /** Resolves when no rebuild runs and none is waiting. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drop pending paths, and wait for a running rebuild to finish. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending.clear();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    this.notifyIdle();
  }

  private isIdle(): boolean {
    return this.running === undefined && this.timer === undefined && this.pending.size === 0;
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.running === undefined) this.start();
    }, this.settleMs);
  }

  private start(): void {
    if (this.closed || this.pending.size === 0) return this.notifyIdle();
    const batch = this.pending;
    this.pending = new Set();
    this.running = this.run(batch).catch(this.onError).finally(() => {
      this.running = undefined;
      if (this.pending.size > 0 && this.timer === undefined) this.start();
      else this.notifyIdle();
    });
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
