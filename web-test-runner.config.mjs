// Browser tests of the Lit components: tests/browser/**/*.test.ts in Debian Chromium
// (never a downloaded browser), TypeScript through esbuild, JUnit output for CI.
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { junitReporter } from '@web/test-runner-junit-reporter';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './build-scripts/browser/chromium-flags.mjs';

/**
 * axe-core ships only a UMD build; appended `export default` lets tests write
 * `import axe from 'axe-core'` (the UMD itself sets window.axe when run as a module).
 */
const axeCoreAsModule = {
  name: 'axe-core-as-module',
  transform(context) {
    if (/\/node_modules\/axe-core\/axe(\.min)?\.js$/.test(context.path)) {
      return { body: `${context.body}\nexport default window.axe;\n` };
    }
  },
};

export default {
  files: ['tests/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  concurrentBrowsers: 1,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, json: true, tsconfig: 'tsconfig.json' }), axeCoreAsModule],
  reporters: [defaultReporter(), junitReporter({ outputPath: 'test-results/browser-junit.xml' })],
  // Lit's one-line dev-mode notice; every other browser log is kept.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 60000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 600000,
};
