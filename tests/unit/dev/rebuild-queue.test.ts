import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RebuildQueue } from '../../../src/dev/rebuild-queue.js';

/** A rebuild the test finishes by hand, to see what arrives while it runs. */
function controlledRuns() {
  const batches: string[][] = [];
  const finishers: (() => void)[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const run = (changed: ReadonlySet<string>) => {
    batches.push([...changed].sort());
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    return new Promise<void>((resolve) => finishers.push(() => { running--; resolve(); }));
  };
  const finish = async () => {
    finishers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { run, batches, finish, mostAtOnce: () => mostAtOnce };
}

describe('RebuildQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns a burst of saves into one rebuild with every path, once the burst settles', async () => {
    const runs = controlledRuns();
    const queue = new RebuildQueue(runs.run, (e) => { throw e; }, 15);
    queue.add('content/a.md');
    await vi.advanceTimersByTimeAsync(10);
    queue.add('content/b.md');
    queue.add('content/a.md');
    await vi.advanceTimersByTimeAsync(10);
    expect(runs.batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(runs.batches).toEqual([['content/a.md', 'content/b.md']]);
  });

  it('runs one rebuild at a time: saves during a rebuild become one following rebuild', async () => {
    const runs = controlledRuns();
    const queue = new RebuildQueue(runs.run, (e) => { throw e; }, 15);
    queue.add('content/a.md');
    await vi.advanceTimersByTimeAsync(20);
    queue.add('content/b.md');
    queue.add('templates/base.njk');
    await vi.advanceTimersByTimeAsync(50);
    expect(runs.batches).toHaveLength(1);
    await runs.finish();
    expect(runs.batches).toEqual([['content/a.md'], ['content/b.md', 'templates/base.njk']]);
    await runs.finish();
    expect(runs.mostAtOnce()).toBe(1);
    await expect(queue.idle()).resolves.toBeUndefined();
  });

  it('hands a failed rebuild to onError and goes on with the next save', async () => {
    const errors: unknown[] = [];
    const seen: string[][] = [];
    const queue = new RebuildQueue(async (changed) => {
      seen.push([...changed]);
      if (changed.has('bad.md')) throw new Error('boom');
    }, (e) => errors.push(e), 5);
    queue.add('bad.md');
    await vi.advanceTimersByTimeAsync(10);
    queue.add('good.md');
    await vi.advanceTimersByTimeAsync(10);
    expect(seen).toEqual([['bad.md'], ['good.md']]);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('resolves idle only after the waiting rebuild ran, and drops saves after close', async () => {
    const runs = controlledRuns();
    const queue = new RebuildQueue(runs.run, (e) => { throw e; }, 15);
    let idle = false;
    queue.add('content/a.md');
    void queue.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(20);
    expect(idle).toBe(false);
    await runs.finish();
    expect(idle).toBe(true);
    await queue.close();
    queue.add('content/b.md');
    await vi.advanceTimersByTimeAsync(50);
    expect(runs.batches).toEqual([['content/a.md']]);
  });
});
