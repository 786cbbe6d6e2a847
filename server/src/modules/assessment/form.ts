import type { BlueprintRow } from '../../../../common/contracts/assessment.js';

/** A small seeded generator (mulberry32): the same seed always draws the same form. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given generator; returns a new array. */
export function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface PoolItem {
  id: string;
  itemId: string;
  kind: string;
  skillAreaCode: string;
  level: number;
  options: { id: string }[];
}

export interface FormQuestion {
  position: number;
  itemVersionId: string;
  kind: string;
  optionIds: string[];
}

/**
 * A candidate's form: for each blueprint row, `count` items drawn at random from the active items of that
 * skill area and level (the pool in a stable order, so the seed alone decides), the questions in random
 * order, and each question's options shuffled (true/false keeps its two options in place). Returns null
 * when a row cannot be filled.
 */
export function assembleForm(blueprint: readonly BlueprintRow[], pool: readonly PoolItem[], seed: number): FormQuestion[] | null {
  const random = seededRandom(seed);
  const sorted = [...pool].sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  const chosen: PoolItem[] = [];
  for (const row of blueprint) {
    const candidates = sorted.filter((p) => p.skillAreaCode === row.skillAreaCode && p.level === row.level);
    if (candidates.length < row.count) return null;
    chosen.push(...shuffled(candidates, random).slice(0, row.count));
  }
  return shuffled(chosen, random).map((item, i) => ({
    position: i + 1,
    itemVersionId: item.id,
    kind: item.kind,
    optionIds: item.kind === 'true_false' ? item.options.map((o) => o.id) : shuffled(item.options, random).map((o) => o.id),
  }));
}

/** Whether a response is right: the one option, the exact set (multiple), or the exact order (ordering). */
export function isCorrect(kind: string, key: readonly string[], response: readonly string[] | null | undefined): boolean {
  if (!response || response.length === 0) return false;
  if (kind === 'multiple') return response.length === key.length && key.every((k) => response.includes(k));
  if (kind === 'ordering') return response.length === key.length && key.every((k, i) => response[i] === k);
  return response.length === 1 && response[0] === key[0];
}

/** ISO 8601 duration of whole seconds, e.g. PT12M5S. */
export function isoDuration(ms: number): string {
  let s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}
