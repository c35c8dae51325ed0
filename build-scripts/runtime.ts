/** Builds the runtime page once per tracking format with Vite (see vite.config.ts). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { dialogueConfig, runtimeConfig } from '../vite.config.js';
import type { TrackingFormat } from '../src/tracking/tracker.js';
import { withCsp } from './csp.js';

export const FORMATS: TrackingFormat[] = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'];

export async function buildRuntime(format: TrackingFormat | 'preview', distDir: string): Promise<string> {
  const outDir = resolve(distDir, '.runtime', format);
  await build({ ...runtimeConfig(format, outDir), configFile: false });
  const connect = format === 'xapi' || format === 'cmi5' ? 'launch' : format === 'preview' ? 'self' : 'none';
  return withCsp(readFileSync(join(outDir, 'index.html'), 'utf8'), connect);
}

/** The dialogue tool's page, without a dialogue in it yet (see dialoguePageFor). */
export async function buildDialogueRuntime(distDir: string): Promise<string> {
  const outDir = resolve(distDir, '.runtime', 'dialogue');
  await build({ ...dialogueConfig(outDir), configFile: false });
  return withCsp(readFileSync(join(outDir, 'index.html'), 'utf8'), 'none');
}
