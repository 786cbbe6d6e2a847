/**
 * How the skill profile combines what is known about a person in one skill area (decision 013):
 *
 * - tested level: the assessment module's tested level (the best attempt's level reached);
 * - evidence: a completed accredited course that teaches area S at level L is evidence of S at L; an
 *   attested coaching or on-the-job activity aimed at S at level L is evidence of S at L; the evidence level
 *   is the highest;
 * - current level: the tested level, raised by evidence gained after that test (new learning since the test
 *   counts; older evidence is what the test already measured); with no test, the evidence level; with
 *   neither, none. Self-assessment is shown beside it and never merged.
 * - gap: required minus current (missing counts as 0), never below 0; none when the area is not required.
 */
export interface EvidenceItem {
  level: number;
  at: Date;
}

export interface AreaInputs {
  required: number | null;
  tested: { level: number; at: Date } | null;
  evidence: EvidenceItem[];
}

export interface AreaLevels {
  evidenceLevel: number | null;
  evidenceAt: Date | null;
  current: number | null;
  source: 'tested' | 'evidence' | null;
  gap: number | null;
}

export function combineLevels(i: AreaInputs): AreaLevels {
  let evidenceLevel: number | null = null;
  let evidenceAt: Date | null = null;
  for (const e of i.evidence) {
    if (evidenceLevel === null || e.level > evidenceLevel || (e.level === evidenceLevel && evidenceAt && e.at < evidenceAt)) {
      evidenceLevel = e.level;
      evidenceAt = e.at;
    }
  }
  let current: number | null = null;
  let source: AreaLevels['source'] = null;
  if (i.tested) {
    current = i.tested.level;
    source = 'tested';
    const testedAt = i.tested.at.getTime();
    for (const e of i.evidence) {
      if (e.at.getTime() > testedAt && e.level > current) {
        current = e.level;
        source = 'evidence';
      }
    }
  } else if (evidenceLevel !== null) {
    current = evidenceLevel;
    source = 'evidence';
  }
  const gap = i.required === null ? null : Math.max(0, i.required - (current ?? 0));
  return { evidenceLevel, evidenceAt, current, source, gap };
}

/** `AREA:LEVEL` pairs of a catalogue entry as evidence items of one area. */
export function courseLevelsFor(skillLevels: readonly string[], area: string): number[] {
  return skillLevels
    .filter((s) => s.startsWith(`${area}:`))
    .map((s) => Number(s.slice(area.length + 1)))
    .filter((n) => Number.isInteger(n) && n > 0);
}
