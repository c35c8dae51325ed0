/**
 * `npm run lrs`: the test LRS (xapi-statements plus the document resources) for manual previews.
 * Prints the endpoint and an Authorization value, runs until Ctrl-C. LRS_PORT picks the port;
 * LRS_USERNAME and LRS_PASSWORD make it accept only those credentials (else it accepts any).
 */
import { startLrs } from './lrs.js';

const port = process.env.LRS_PORT ? Number(process.env.LRS_PORT) : undefined;
const { LRS_USERNAME: username, LRS_PASSWORD: password } = process.env;
const credentials = username && password ? { username, password } : undefined;
const lrs = await startLrs({ port, credentials, record: false });
console.log(`xAPI endpoint: ${lrs.endpoint}`);
console.log(`Authorization: ${lrs.auth}`);
console.log(credentials ? `Only the credentials in LRS_USERNAME and LRS_PASSWORD are accepted.` : 'Any credentials are accepted (set LRS_USERNAME and LRS_PASSWORD to require some).');
console.log('Statements and documents live in memory until you stop it (Ctrl-C).');

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await lrs.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
