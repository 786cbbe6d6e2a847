import type { FieldError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import * as frameworkRepo from '../framework/repository.js';

/** What an item or blueprint may refer to in one framework version: its skill areas, levels and units. */
export interface FrameworkRefs {
  id: string;
  code: string;
  areas: Set<string>;
  levels: Set<number>;
  units: Map<string, string | null>;
}

export async function loadFrameworkRefs(db: Db, frameworkId: string): Promise<FrameworkRefs | null> {
  const framework = await frameworkRepo.findFramework(db, frameworkId);
  if (!framework) return null;
  const content = await frameworkRepo.findFrameworkContent(db, frameworkId);
  return {
    id: framework.id,
    code: framework.code,
    areas: new Set(content.areas.map((a) => a.code)),
    levels: new Set(content.levels.map((l) => l.rank)),
    units: new Map(content.units.map((u) => [u.code, u.skillAreaCode])),
  };
}

/** Field errors for references to a framework's areas, levels and units (`prefix` is e.g. `body`). */
export function refIssues(
  refs: FrameworkRefs,
  v: { skillAreaCode: string; level: number; unitCode?: string | null },
  prefix: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!refs.areas.has(v.skillAreaCode))
    errors.push({ path: `${prefix}.skillAreaCode`, message: `not a skill area of ${refs.code}`, code: 'assessment.unknown_skill_area' });
  if (!refs.levels.has(v.level))
    errors.push({ path: `${prefix}.level`, message: `not a level of ${refs.code}`, code: 'assessment.unknown_level' });
  if (v.unitCode && !refs.units.has(v.unitCode))
    errors.push({ path: `${prefix}.unitCode`, message: `not a unit of ${refs.code}`, code: 'assessment.unknown_unit' });
  return errors;
}
