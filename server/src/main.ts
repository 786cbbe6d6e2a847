import { loadConfig } from './config.js';
import { DataDirLockedError } from './db/client.js';
import { startServer } from './server.js';

try {
  await startServer(loadConfig());
} catch (err) {
  if (err instanceof DataDirLockedError || (err instanceof Error && err.message.startsWith('Invalid configuration'))) {
    console.error(`\nThaksa did not start.\n${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
