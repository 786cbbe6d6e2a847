import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { getDatabase, getProvinceAll, setEngMode, setGeoMode } from 'thai-address-universal';
import { PROVINCES } from '../../../../common/provinces.js';
import type { Db } from '../client.js';
import { coverageRollup, placeDatasets, placeDistricts, placeProvinces, placeSubdistricts } from '../schema/volunteers.js';

/**
 * Provinces, districts and subdistricts from the npm package `thai-address-universal` (decision 010), read
 * from node_modules at start-up and loaded once per package version. The package is postal-code data: a
 * subdistrict served by two postal codes appears twice, Bueng Kan's districts carry no codes and its
 * province code is the old 97, and a few codes repeat. So: provinces take their codes from
 * common/provinces.ts (matched by Thai name); a district or subdistrict is one Thai name under its parent;
 * a code that is missing, not under its parent's code (districts), or already taken is replaced by the
 * next free code under the parent and marked `assigned`.
 */
export const PLACES_SOURCE = 'thai-address-universal';

export interface PlaceRow {
  code: string;
  nameTh: string;
  nameEn: string;
  codeSource: 'dataset' | 'assigned';
}
export interface DistrictRow extends PlaceRow {
  provinceCode: string;
}
export interface SubdistrictRow extends PlaceRow {
  districtCode: string;
  provinceCode: string;
  postalCode: string | null;
}
export interface PlacesData {
  version: string;
  provinces: { code: string; nameTh: string; nameEn: string }[];
  districts: DistrictRow[];
  subdistricts: SubdistrictRow[];
  /** What was corrected, for the decision record and the test. */
  notes: { provinceCodeChanged: { nameTh: string; from: string; to: string }[]; assignedDistricts: number; assignedSubdistricts: number };
}

interface Row {
  province: string;
  district: string;
  sub_district: string;
  postal_code: string;
  province_code?: string;
  district_code?: string;
  sub_district_code?: string;
}

export function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('thai-address-universal/package.json') as { version: string }).version;
}

/** Next free code under `prefix` (two more digits), skipping those taken. */
function nextFree(prefix: string, taken: Set<string>): string {
  for (let n = 1; n <= 99; n++) {
    const code = prefix + String(n).padStart(2, '0');
    if (!taken.has(code)) return code;
  }
  throw new Error(`places: no free code under ${prefix}`);
}

let cached: Promise<PlacesData> | undefined;

/** Reads and normalises the package's data (memoised: the package keeps its own state). */
export function loadPlacesData(): Promise<PlacesData> {
  cached ??= readPackage();
  return cached;
}

async function readPackage(): Promise<PlacesData> {
  await getProvinceAll(); // initialises the package
  await setGeoMode(true);
  await setEngMode(false);
  const th = getDatabase() as Row[];
  await setEngMode(true);
  const en = getDatabase() as Row[];
  await setEngMode(false);
  if (th.length !== en.length) throw new Error('places: Thai and English rows differ in number');

  const provinceByName = new Map(PROVINCES.map((p) => [p.nameTh, p]));
  const changed = new Map<string, { nameTh: string; from: string; to: string }>();
  // district key "province|name" → row; subdistrict key "districtKey|name" → row
  const districts = new Map<string, DistrictRow & { datasetCode: string }>();
  const subs = new Map<string, SubdistrictRow & { datasetCode: string; districtKey: string }>();
  for (let i = 0; i < th.length; i++) {
    const r = th[i];
    const e = en[i];
    const province = provinceByName.get(r.province);
    if (!province) throw new Error(`places: unknown province ${r.province}`);
    if (r.province_code !== province.code && !changed.has(province.code))
      changed.set(province.code, { nameTh: province.nameTh, from: r.province_code ?? '', to: province.code });
    const dKey = `${province.code}|${r.district}`;
    if (!districts.has(dKey))
      districts.set(dKey, {
        code: '',
        datasetCode: r.district_code ?? '',
        provinceCode: province.code,
        nameTh: r.district,
        nameEn: e.district,
        codeSource: 'dataset',
      });
    const sKey = `${dKey}|${r.sub_district}`;
    if (!subs.has(sKey))
      subs.set(sKey, {
        code: '',
        datasetCode: r.sub_district_code ?? '',
        districtKey: dKey,
        districtCode: '',
        provinceCode: province.code,
        nameTh: r.sub_district,
        nameEn: e.sub_district,
        postalCode: r.postal_code || null,
        codeSource: 'dataset',
      });
  }

  // Districts: keep a dataset code that is 4 digits under the province and not yet taken (in data order).
  const takenD = new Set<string>();
  const laterD: (DistrictRow & { datasetCode: string })[] = [];
  for (const d of districts.values()) {
    if (/^\d{4}$/.test(d.datasetCode) && d.datasetCode.startsWith(d.provinceCode) && !takenD.has(d.datasetCode)) {
      d.code = d.datasetCode;
      takenD.add(d.code);
    } else laterD.push(d);
  }
  laterD.sort((a, b) => a.provinceCode.localeCompare(b.provinceCode) || a.nameTh.localeCompare(b.nameTh, 'th'));
  for (const d of laterD) {
    d.code = nextFree(d.provinceCode, takenD);
    d.codeSource = 'assigned';
    takenD.add(d.code);
  }

  // Subdistricts: keep a 6-digit dataset code not yet taken (a subdistrict moved to a newer district keeps its old code).
  const takenS = new Set<string>();
  const laterS: (SubdistrictRow & { datasetCode: string; districtKey: string })[] = [];
  for (const s of subs.values()) {
    s.districtCode = (districts.get(s.districtKey) as DistrictRow).code;
    if (/^\d{6}$/.test(s.datasetCode) && s.datasetCode.startsWith(s.provinceCode) && !takenS.has(s.datasetCode)) {
      s.code = s.datasetCode;
      takenS.add(s.code);
    } else laterS.push(s);
  }
  laterS.sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.nameTh.localeCompare(b.nameTh, 'th'));
  for (const s of laterS) {
    s.code = nextFree(s.districtCode, takenS);
    s.codeSource = 'assigned';
    takenS.add(s.code);
  }

  return {
    version: packageVersion(),
    provinces: PROVINCES.map((p) => ({ code: p.code, nameTh: p.nameTh, nameEn: p.nameEn })),
    districts: [...districts.values()].map(({ datasetCode: _, ...d }) => d),
    subdistricts: [...subs.values()].map(({ datasetCode: _, districtKey: __, ...s }) => s),
    notes: { provinceCodeChanged: [...changed.values()], assignedDistricts: laterD.length, assignedSubdistricts: laterS.length },
  };
}

const BATCH = 4000;

/**
 * Loads the places into the database unless this package version is already there (idempotent: rows are
 * upserted by code, so a newer version renames and adds, never duplicates). Coverage roll-up rows are
 * created for every area.
 */
export async function seedPlaces(db: Db): Promise<{ loaded: boolean }> {
  const data = await loadPlacesData();
  const [current] = await db.select().from(placeDatasets).where(sql`${placeDatasets.source} = ${PLACES_SOURCE}`);
  if (current?.version === data.version) return { loaded: false };
  await db.transaction(async (tx) => {
    await tx
      .insert(placeProvinces)
      .values(data.provinces)
      .onConflictDoUpdate({ target: placeProvinces.code, set: { nameTh: sql`excluded.name_th`, nameEn: sql`excluded.name_en` } });
    for (let i = 0; i < data.districts.length; i += BATCH) {
      await tx
        .insert(placeDistricts)
        .values(data.districts.slice(i, i + BATCH))
        .onConflictDoUpdate({
          target: placeDistricts.code,
          set: { nameTh: sql`excluded.name_th`, nameEn: sql`excluded.name_en`, codeSource: sql`excluded.code_source` },
        });
    }
    for (let i = 0; i < data.subdistricts.length; i += BATCH) {
      await tx
        .insert(placeSubdistricts)
        .values(data.subdistricts.slice(i, i + BATCH))
        .onConflictDoUpdate({
          target: placeSubdistricts.code,
          set: {
            nameTh: sql`excluded.name_th`,
            nameEn: sql`excluded.name_en`,
            postalCode: sql`excluded.postal_code`,
            codeSource: sql`excluded.code_source`,
          },
        });
    }
    const rollups = [
      ...data.provinces.map((p) => ({ code: p.code, level: 'province', parentCode: null })),
      ...data.districts.map((d) => ({ code: d.code, level: 'district', parentCode: d.provinceCode })),
      ...data.subdistricts.map((s) => ({ code: s.code, level: 'subdistrict', parentCode: s.districtCode })),
    ];
    for (let i = 0; i < rollups.length; i += BATCH) {
      await tx
        .insert(coverageRollup)
        .values(rollups.slice(i, i + BATCH))
        .onConflictDoNothing();
    }
    const counts = { provinces: data.provinces.length, districts: data.districts.length, subdistricts: data.subdistricts.length };
    await tx
      .insert(placeDatasets)
      .values({ source: PLACES_SOURCE, version: data.version, ...counts })
      .onConflictDoUpdate({ target: placeDatasets.source, set: { version: data.version, ...counts, loadedAt: sql`now()` } });
  });
  return { loaded: true };
}
