import { reference } from '../../db/seed/framework.js';

const BY_ID = new Map(reference.sources.map((s) => [s.id, { url: s.url, title: s.title }]));
const TPQI_UNIT = /^tpqi:(\d+)$/;

/** Turns source ids (`S3`, `tpqi:22812`) into links; ids with no known address are left out. */
export function resolveSources(ids: readonly string[]): Record<string, { url: string; title: string }> {
  const out: Record<string, { url: string; title: string }> = {};
  for (const id of new Set(ids)) {
    const known = BY_ID.get(id);
    const unit = TPQI_UNIT.exec(id);
    if (known) out[id] = known;
    else if (unit)
      out[id] = { url: `https://tpqi-net.tpqi.go.th/qualifications/unitinfo/${unit[1]}`, title: `TPQI competency unit ${unit[1]}` };
  }
  return out;
}
