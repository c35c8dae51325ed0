/**
 * `npm run lrs`: the test LRS (xapi-statements plus the document resources) for manual previews.
 * Prints the endpoint and an Authorization value, runs until Ctrl-C. LRS_PORT picks the port.
 */
import { startLrs } from './lrs.js';

const port = process.env.LRS_PORT ? Number(process.env.LRS_PORT) : undefined;
const lrs = await startLrs({ port });
console.log(`xAPI endpoint: ${lrs.endpoint}`);
console.log(`Authorization: ${lrs.auth}`);
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
