export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The field-by-field difference between two versions of a course's content, as dotted paths
 * (`outcomes.1.levelRank`, `objectives.2`). Pure: objects and arrays are walked item by item, an added or
 * removed item shows `undefined` on the missing side, and equal leaves are left out.
 */
export function diffContent(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: FieldChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) out.push(...diffContent(before[i], after[i], join(path, String(i))));
    return out;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffContent(before[k], after[k], join(path, k)));
  }
  if (before === undefined && after === undefined) return [];
  return [{ path: path || '.', before: before ?? null, after: after ?? null }];
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);
