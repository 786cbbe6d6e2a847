import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { verifyAuditChain } from '../modules/audit/service.js';

/** `npm run audit:verify`: walks the audit chain and exits 1 at the first broken link or altered entry. */
const config = loadConfig();
const database = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await database.migrate();
  const report = await verifyAuditChain(database.db);
  if (report.ok) {
    console.log(`Audit chain intact: ${report.checked} entries checked.`);
  } else {
    console.error(
      `Audit chain BROKEN at entry #${report.firstBrokenSeq} (${report.reason === 'link' ? 'an entry is missing or out of order' : 'an entry was altered'}); ${report.checked} entries checked.`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
