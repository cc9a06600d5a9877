import { parentPort, workerData } from 'node:worker_threads';
import { statAll } from './source-stats.js';

// Entry point of the thread `statOnThread` starts: stat the files it was given, answer once, and end.
const reply = statAll(workerData as readonly string[]);
parentPort?.postMessage(reply, [reply.numbers.buffer as ArrayBuffer, reply.status.buffer as ArrayBuffer]);
