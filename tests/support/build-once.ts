/**
 * Vitest global setup: the end-to-end and package tests read dist/, so build it once before
 * they run — unless `npm test` has just built it (AK_BUILT=1), to keep the run short.
 */
import { buildAll } from '../../build-scripts/cli.js';

export default async function setup(): Promise<void> {
  if (process.env.AK_BUILT === '1') return;
  await buildAll({ quiet: true });
}
