import fc from 'fast-check';

// Property tests run with a fixed seed so that CI is reproducible; FC_SEED=random (or a number)
// explores other cases locally: `FC_SEED=random npx vitest run`.
const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed === undefined ? 20261128 : Number(seed) });
