/**
 * Property tests explore new random cases on every local run; in CI (CI=true) they replay one
 * fixed seed, so a submission's result does not depend on the draw. A failure found locally
 * prints its seed and path to replay it.
 */
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20_261_125 });
