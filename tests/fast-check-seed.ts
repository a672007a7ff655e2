// Property tests explore new cases on every local run. CI pins the seed
// (FC_SEED in .ci/run) so that a landing is reproducible; a failure found
// locally prints its seed, and the case becomes a regression test.
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== '') fc.configureGlobal({ seed: Number(seed) });
