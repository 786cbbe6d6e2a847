import type { DashboardView, MonitoringRow } from '../../../../common/contracts/dashboards.js';
import type { Suppressor } from './privacy.js';
import { type ChildRow, FACT_NAMES, type Facts } from './repository.js';

type Matrix = { areas: { code: string }[]; groups: { code: string }[]; required: (group: string, area: string) => number | null };
type LevelRow = { target_group_code: string; skill_area_code: string; level: number; people_start: number; people_end: number };

export const zeroFacts = (): Facts => Object.fromEntries(FACT_NAMES.map((n) => [n, 0])) as unknown as Facts;

export function addFacts(rows: Facts[]): Facts {
  const total = zeroFacts();
  for (const r of rows) for (const n of FACT_NAMES) total[n] += Number(r[n]);
  return total;
}

type Cells = {
  personnel: number | null;
  selfAssessed: number | null;
  tested: number | null;
  passed: number | null;
  assessed: number | null;
};

function groupFigures(code: string, f: Facts, s: Suppressor, c: Cells) {
  return {
    targetGroupCode: code,
    ...c,
    selfAssessedPct: c.personnel === null || c.selfAssessed === null ? null : s.pct(f.self_assessed, f.personnel),
    testedPct: c.personnel === null || c.tested === null ? null : s.pct(f.tested, f.personnel),
  };
}

/**
 * The people section: personnel and assessment coverage by target group, the heat map of target group ×
 * skill area (share of assessed people at or above the required level), the level distribution per area,
 * and gap closure (that share at the start of the year and at its end).
 */
export function peopleSection(
  byGroup: (Facts & { target_group_code: string })[],
  levels: LevelRow[],
  matrix: Matrix,
  group: string | null,
  s: Suppressor,
): DashboardView['people'] {
  const groups = group ? [group] : matrix.groups.map((g) => g.code);
  const factsOf = (code: string) => byGroup.find((r) => r.target_group_code === code) ?? zeroFacts();
  const total = addFacts(byGroup);
  // Each measure by target group is a breakdown of the total shown below it: secondary suppression per measure.
  const column = (k: keyof Facts) => s.breakdown(groups.map((g) => factsOf(g)[k]));
  const cols = {
    personnel: column('personnel'),
    selfAssessed: column('self_assessed'),
    tested: column('tested'),
    passed: column('passed'),
    assessed: column('assessed'),
  };
  const byTargetGroup = groups.map((g, i) =>
    groupFigures(g, factsOf(g), s, {
      personnel: cols.personnel[i],
      selfAssessed: cols.selfAssessed[i],
      tested: cols.tested[i],
      passed: cols.passed[i],
      assessed: cols.assessed[i],
    }),
  );

  const heatMap = groups.flatMap((g) =>
    matrix.areas.map((a) => {
      const rows = levels.filter((l) => l.target_group_code === g && l.skill_area_code === a.code);
      const required = matrix.required(g, a.code);
      const assessed = rows.reduce((n, r) => n + r.people_end, 0);
      const meeting = required === null ? 0 : rows.filter((r) => r.level >= required).reduce((n, r) => n + r.people_end, 0);
      return {
        targetGroupCode: g,
        skillAreaCode: a.code,
        requiredLevel: required,
        assessed: s.count(assessed),
        meeting: required === null ? null : s.count(meeting),
        pct: required === null ? null : s.pct(meeting, assessed),
      };
    }),
  );

  const maxLevel = Math.max(0, ...levels.map((l) => l.level));
  const distribution = matrix.areas.map((a) => {
    const values = Array.from({ length: maxLevel + 1 }, (_, level) =>
      levels.filter((l) => l.skill_area_code === a.code && l.level === level).reduce((n, r) => n + r.people_end, 0),
    );
    const cells = s.breakdown(values);
    return { skillAreaCode: a.code, levels: values.map((_, level) => ({ level, people: cells[level] })) };
  });

  const gapClosure = matrix.areas.map((a) => {
    let assessedStart = 0;
    let meetingStart = 0;
    let assessedEnd = 0;
    let meetingEnd = 0;
    for (const l of levels) {
      if (l.skill_area_code !== a.code) continue;
      const required = matrix.required(l.target_group_code, a.code);
      if (required === null) continue;
      assessedStart += l.people_start;
      assessedEnd += l.people_end;
      if (l.level >= required) {
        meetingStart += l.people_start;
        meetingEnd += l.people_end;
      }
    }
    return {
      skillAreaCode: a.code,
      assessedStart: s.count(assessedStart),
      meetingStart: s.count(meetingStart),
      assessedEnd: s.count(assessedEnd),
      meetingEnd: s.count(meetingEnd),
      pctStart: s.pct(meetingStart, assessedStart),
      pctEnd: s.pct(meetingEnd, assessedEnd),
    };
  });

  const totals = {
    personnel: s.count(total.personnel),
    selfAssessed: s.count(total.self_assessed),
    tested: s.count(total.tested),
    passed: s.count(total.passed),
    assessed: s.count(total.assessed),
  };
  return { total: groupFigures('ALL', total, s, totals), byTargetGroup, heatMap, distribution, gapClosure };
}

/** One row per agency below the scope: always below the reader's level, so always subject to suppression. */
export function monitoringRows(rows: ChildRow[], s: Suppressor): MonitoringRow[] {
  const personnel = s.breakdown(rows.map((r) => Number(r.personnel)));
  return rows.map((r, i) => {
    const learners = s.count(Number(r.learners));
    const hours = Number(r.hours_formal) + Number(r.hours_on_the_job) + Number(r.hours_coaching);
    const pop = Number(r.personnel);
    return {
      agency: { id: r.id, code: r.code, nameTh: r.name_th, nameEn: r.name_en, kind: r.kind },
      hasChildren: r.has_children,
      personnel: personnel[i],
      selfAssessedPct: personnel[i] === null ? null : s.pct(Number(r.self_assessed), pop),
      testedPct: personnel[i] === null ? null : s.pct(Number(r.tested), pop),
      meetingPct: s.pct(r.meeting, r.assessed_required),
      learners,
      hoursPerPerson: personnel[i] === null || learners === null || pop === 0 ? null : Math.round((hours / pop) * 10) / 10,
      idps: s.count(Number(r.idps)),
      planState: r.plan_state,
    };
  });
}
