/**
 * The few Mocha globals the browser tests use (@web/test-runner runs Mocha in the page).
 * @types/mocha is not a dependency, so they are declared here.
 */
type MochaFn = (this: { timeout(ms: number): void }) => void | Promise<void>;
declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: MochaFn): void;
declare function before(fn: MochaFn): void;
declare function after(fn: MochaFn): void;
declare function beforeEach(fn: MochaFn): void;
declare function afterEach(fn: MochaFn): void;
