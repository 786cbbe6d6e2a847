/**
 * `npm run bench -- <name>`: runs one benchmark (or all) against PostgreSQL on loopback and writes
 * bench/results/<name>.json and its table in docs/benchmarks.md.
 */
import { recordPostgres } from './lib.js';

const BENCHMARKS: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  foundation: () => import('./foundation.js'),
  accreditation: () => import('./accreditation.js'),
  assessment: () => import('./assessment.js'),
  catalog: () => import('./catalog.js'),
  dashboards: () => import('./dashboards.js'),
  people: () => import('./people.js'),
  records: () => import('./records.js'),
  volunteers: () => import('./volunteers.js'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(BENCHMARKS);
await recordPostgres();
for (const name of names) {
  const load = BENCHMARKS[name];
  if (!load) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(2);
  }
  console.log(`── benchmark ${name}`);
  await (await load()).run();
}
process.exit(0);
