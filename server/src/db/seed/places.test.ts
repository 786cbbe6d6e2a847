import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVINCES } from '../../../../common/provinces.js';
import { testDatabase } from '../../../test/harness.js';
import { type Database, queryRows } from '../client.js';
import { loadPlacesData, seedPlaces } from './places.js';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});

const count = async (table: string) =>
  Number((await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n);

describe('places from thai-address-universal', () => {
  it('has the 77 provinces of common/provinces.ts, the 928 districts and about 7,400 subdistricts, all codes under their parents', async () => {
    const data = await loadPlacesData();
    expect(data.version).toBe('2.2.0');
    expect(data.provinces.map((p) => p.code)).toEqual(PROVINCES.map((p) => p.code));
    expect(data.districts).toHaveLength(928);
    expect(data.subdistricts.length).toBeGreaterThan(7400);
    expect(data.subdistricts.length).toBeLessThan(7500);
    const districtCodes = new Set(data.districts.map((d) => d.code));
    expect(districtCodes.size).toBe(928);
    expect(new Set(data.subdistricts.map((s) => s.code)).size).toBe(data.subdistricts.length);
    for (const d of data.districts) expect(d.code.slice(0, 2)).toBe(d.provinceCode);
    for (const s of data.subdistricts) {
      expect(districtCodes.has(s.districtCode)).toBe(true);
      expect(s.code.slice(0, 2)).toBe(s.provinceCode);
    }
    // Bangkok has 50 districts; Bueng Kan (38 since 2011; the package says 97) has 8.
    expect(data.districts.filter((d) => d.provinceCode === '10')).toHaveLength(50);
    expect(data.districts.filter((d) => d.provinceCode === '38')).toHaveLength(8);
    expect(data.notes.provinceCodeChanged).toEqual([{ nameTh: 'บึงกาฬ', from: '97', to: '38' }]);
    const muang = data.districts.find((d) => d.code === '5001');
    expect(muang).toMatchObject({ nameTh: 'เมืองเชียงใหม่', nameEn: 'Mueang Chiang Mai', codeSource: 'dataset' });
  });

  it('is in the migrated database once, with a coverage row for every area, and loading again changes nothing', async () => {
    const data = await loadPlacesData();
    expect(await count('place_provinces')).toBe(77);
    expect(await count('place_districts')).toBe(928);
    expect(await count('place_subdistricts')).toBe(data.subdistricts.length);
    expect(await count('coverage_rollup')).toBe(77 + 928 + data.subdistricts.length);
    expect(await seedPlaces(database.db)).toEqual({ loaded: false });
    await database.db.execute(sql`update place_datasets set version = 'old'`);
    expect(await seedPlaces(database.db)).toEqual({ loaded: true });
    expect(await count('place_subdistricts')).toBe(data.subdistricts.length);
    expect(await count('coverage_rollup')).toBe(77 + 928 + data.subdistricts.length);
  }, 90_000);
});
