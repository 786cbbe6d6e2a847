import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../../../common/provinces.js';
import { PROVINCE_TILES } from './tile-grid.js';

describe('the province tile grid', () => {
  it('places each of the 77 provinces once, on its own tile', () => {
    expect(Object.keys(PROVINCE_TILES).sort()).toEqual(PROVINCES.map((p) => p.code).sort());
    const cells = new Set(Object.values(PROVINCE_TILES).map(([c, r]) => `${c},${r}`));
    expect(cells.size).toBe(77);
  });
});
