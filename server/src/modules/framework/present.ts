import type { FrameworkSummary, FrameworkView, Verification } from '../../../../common/contracts/framework.js';
import type { Actor } from '../../lib/context.js';
import { toCsv } from '../../lib/csv.js';
import { canCreateVersion, canEdit, canPublish } from './policy.js';
import type * as repo from './repository.js';
import { resolveSources } from './sources.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const v = (s: string) => s as Verification;

export function presentFrameworkSummary(f: repo.FrameworkRow): FrameworkSummary {
  return {
    id: f.id,
    code: f.code,
    titleTh: f.titleTh,
    titleEn: f.titleEn,
    yearBe: f.yearBe,
    status: f.status as 'draft' | 'published',
    isCurrent: f.isCurrent,
    basedOnId: f.basedOnId,
    sourceNoteTh: f.sourceNoteTh,
    sourceNoteEn: f.sourceNoteEn,
    createdAt: new Date(f.createdAt).toISOString(),
    publishedAt: iso(f.publishedAt),
  };
}

type Content = {
  framework: repo.FrameworkRow;
  areas: repo.SkillAreaRow[];
  groups: repo.TargetGroupRow[];
  levels: repo.LevelRow[];
  units: repo.UnitRow[];
  matrix: repo.MatrixRow[];
};

/** The full version; the matrix has a cell for every group × area, unset cells shown as unconfirmed samples. */
export function presentFramework(c: Content, actor: Actor | null): FrameworkView {
  const isDraft = c.framework.status === 'draft';
  const cell = new Map(c.matrix.map((m) => [`${m.targetGroupCode}|${m.skillAreaCode}`, m]));
  return {
    ...presentFrameworkSummary(c.framework),
    skillAreas: c.areas.map((a) => ({
      code: a.code,
      kind: a.kind as 'core' | 'optional',
      nameTh: a.nameTh,
      nameEn: a.nameEn,
      descriptionTh: a.descriptionTh,
      descriptionEn: a.descriptionEn,
      isNameThOfficial: a.isNameThOfficial,
      sortOrder: a.sortOrder,
      verification: v(a.verification),
      sources: a.sources,
    })),
    targetGroups: c.groups.map((g) => ({
      code: g.code,
      nameTh: g.nameTh,
      nameThShort: g.nameThShort,
      nameEn: g.nameEn,
      sortOrder: g.sortOrder,
      verification: v(g.verification),
      sources: g.sources,
    })),
    levels: c.levels.map((l) => ({
      rank: l.rank,
      nameTh: l.nameTh,
      nameEn: l.nameEn,
      descriptionTh: l.descriptionTh,
      descriptionEn: l.descriptionEn,
      verification: v(l.verification),
    })),
    units: c.units.map((u) => ({
      code: u.code,
      titleTh: u.titleTh,
      titleEn: u.titleEn,
      standardTh: u.standardTh,
      skillAreaCode: u.skillAreaCode,
      isSkillAreaInferred: u.isSkillAreaInferred,
      targetGroupCodes: u.targetGroupCodes,
      sourceUrl: u.sourceUrl,
      reviewed: u.reviewed,
      verification: v(u.verification),
    })),
    matrix: c.groups.flatMap((g) =>
      c.areas.map((a) => {
        const m = cell.get(`${g.code}|${a.code}`);
        return {
          targetGroupCode: g.code,
          skillAreaCode: a.code,
          levelRank: m?.levelRank ?? null,
          isSample: m?.isSample ?? true,
          confirmedAt: iso(m?.confirmedAt ?? null),
        };
      }),
    ),
    sourceLinks: resolveSources([...c.areas.flatMap((a) => a.sources), ...c.groups.flatMap((g) => g.sources)]),
    abilities: {
      edit: isDraft && !!actor && canEdit(actor, c.framework),
      publish: isDraft && !!actor && canPublish(actor, c.framework),
      createVersion: !!actor && canCreateVersion(actor, undefined),
    },
  };
}

/** One flat table: a row per item and per matrix cell, with a record_type column saying which. */
export function frameworkCsv(view: FrameworkView): string {
  const header = [
    'record_type',
    'code',
    'name_th',
    'name_en',
    'kind',
    'skill_area',
    'target_groups',
    'level',
    'is_sample',
    'verification',
    'source',
  ];
  const rows: unknown[][] = [
    ...view.skillAreas.map((a) => ['skill_area', a.code, a.nameTh, a.nameEn, a.kind, '', '', '', '', a.verification, a.sources]),
    ...view.targetGroups.map((g) => ['target_group', g.code, g.nameTh, g.nameEn, '', '', '', '', '', g.verification, g.sources]),
    ...view.levels.map((l) => ['level', l.rank, l.nameTh, l.nameEn, '', '', '', l.rank, '', l.verification, '']),
    ...view.units.map((u) => [
      'unit',
      u.code,
      u.titleTh,
      u.titleEn,
      '',
      u.skillAreaCode,
      u.targetGroupCodes,
      '',
      '',
      u.verification,
      u.sourceUrl,
    ]),
    ...view.matrix.map((m) => [
      'required_level',
      '',
      '',
      '',
      '',
      m.skillAreaCode,
      m.targetGroupCode,
      m.levelRank,
      m.isSample,
      m.isSample ? 'sample' : 'confirmed',
      '',
    ]),
  ];
  return toCsv(header, rows);
}
