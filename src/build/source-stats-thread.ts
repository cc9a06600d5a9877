import { parentPort, workerData } from 'node:worker_threads';
import { answerSealCheck, statAll, stampsOf, type StatRequest } from './source-stats.js';

// Entry point of the thread `statOnThread` starts: stat the files it was given, check the seal it was
// given (the main thread reads the answer in shared memory while it loads the source manifest), answer once, and end.
const { files, check } = workerData as StatRequest;
const reply = statAll(files);
if (check) answerSealCheck(check, files, stampsOf(files, reply));
parentPort?.postMessage(reply, [reply.numbers.buffer as ArrayBuffer, reply.status.buffer as ArrayBuffer]);
