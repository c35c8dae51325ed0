// Where Debian's Chromium is and how every test starts it (DESIGN.md). Shared by the
// playwright-driven tests and web-test-runner.config.mjs.
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
