import { Worker } from 'node:worker_threads';
import { workerResourceLimits } from './worker-limits.js';

/**
 * Start a thread on `script` with `workerData`, and resolve with the one message it posts before it
 * ends; undefined when it fails or ends without one. Never rejects.
 */
export function threadAnswer<Answer>(script: URL, workerData: unknown): Promise<Answer | undefined> {
  return new Promise((resolve) => {
    const thread = new Worker(script, { workerData, resourceLimits: workerResourceLimits });
    thread.once('message', resolve);
    thread.once('error', () => resolve(undefined));
    thread.once('exit', () => resolve(undefined));
  });
}
