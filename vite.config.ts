/**
 * Builds the runtime into one self-contained index.html (vite-plugin-singlefile). The module's
 * content is not part of this build: build-scripts put it into the page's JSON slot per module,
 * so one runtime build per tracking format serves every module.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { readFileSync } from 'node:fs';
import type { TrackingFormat } from './src/tracking/tracker.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** One runtime per tracking format; 'preview' is the live preview's (SCORM 2004 and xAPI side by side). */
export function runtimeConfig(format: TrackingFormat | 'preview', outDir: string) {
  return singleFilePage('./src/app', outDir, { __AK_FORMAT__: JSON.stringify(format), __AK_VERSION__: JSON.stringify(version) });
}

/** The dialogue tool's page (src/dialogue): one build serves every module that has a dialogue.yaml. */
export function dialogueConfig(outDir: string) {
  return singleFilePage('./src/dialogue', outDir);
}

/** One self-contained index.html from the page in `root`. */
function singleFilePage(root: string, outDir: string, define: Record<string, string> = {}) {
  return defineConfig({
    root: fileURLToPath(new URL(root, import.meta.url)),
    base: './',
    logLevel: 'warn',
    define,
    plugins: [viteSingleFile({ removeViteModuleLoader: true })],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2020',
      minify: true,
      reportCompressedSize: false,
      // One inlined script: nothing to preload.
      modulePreload: { polyfill: false },
    },
  });
}

// vitest reads `test` from here. (Packages are built by build-scripts/, not by `npx vite`.)
export default {
  test: {
    globalSetup: ['tests/support/build-once.ts'],
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser-driving tests share two cores; run files one after another.
    fileParallelism: false,
  },
};
