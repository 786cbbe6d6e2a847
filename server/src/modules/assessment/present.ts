import type { z } from 'zod';
import type {
  AssessmentList,
  AssessmentView,
  AttemptResultView,
  AttemptView,
  ItemStatus,
  ItemSummary,
  ItemView,
  MyAssessment,
  SelfAssessmentView,
  StatementView,
} from '../../../../common/contracts/assessment.js';
import type { Actor } from '../../lib/context.js';
import type * as attemptsRepo from './attempts.repository.js';
import type { getAttempt, listMyAssessments, StoredResults } from './attempts.service.js';
import type * as itemsRepo from './items.repository.js';
import { canEditItem, canRetireItem, canReviewItem } from './policy.js';
import type * as repo from './repository.js';
import type { getSelfAssessment } from './self.service.js';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export function presentItem(
  item: itemsRepo.ItemRow,
  versions: { id: string; version: number; status: string; updatedAt: Date }[],
  names: Map<string, string>,
  actor: Actor | null,
): ItemView {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return {
    id: item.id,
    itemId: item.itemId,
    version: item.version,
    status: item.status as ItemStatus,
    kind: item.kind as ItemView['kind'],
    frameworkId: item.frameworkId,
    skillAreaCode: item.skillAreaCode,
    unitCode: item.unitCode,
    level: item.level,
    difficulty: item.difficulty,
    stemTh: item.stemTh,
    stemEn: item.stemEn,
    caseTh: item.caseTh,
    caseEn: item.caseEn,
    options: item.options.map((o) => ({ id: o.id, textTh: o.textTh, textEn: o.textEn })),
    key: item.key,
    explanationTh: item.explanationTh,
    explanationEn: item.explanationEn,
    imageUrl: item.imageFileId ? `/api/assessment/items/${item.id}/image` : null,
    isSample: item.isSample,
    author: person(item.authorId),
    reviewer: person(item.reviewedBy),
    reviewedAt: item.reviewedAt ? iso(item.reviewedAt) : null,
    reviewComment: item.reviewComment,
    createdAt: iso(item.createdAt),
    updatedAt: iso(item.updatedAt),
    versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status as ItemStatus, updatedAt: iso(v.updatedAt) })),
    abilities: {
      edit: !!actor && canEditItem(actor, item),
      review: !!actor && canReviewItem(actor, item),
      retire: !!actor && canRetireItem(actor, item),
    },
  };
}

export const presentItemSummary = (item: itemsRepo.ItemRow, authorName: string | null): ItemSummary => ({
  id: item.id,
  itemId: item.itemId,
  version: item.version,
  status: item.status as ItemStatus,
  kind: item.kind as ItemSummary['kind'],
  skillAreaCode: item.skillAreaCode,
  unitCode: item.unitCode,
  level: item.level,
  difficulty: item.difficulty,
  stemTh: item.stemTh,
  stemEn: item.stemEn,
  isSample: item.isSample,
  authorName,
  updatedAt: iso(item.updatedAt),
});

const passMarkList = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([level, percent]) => ({ level: Number(level), percent }))
    .sort((a, b) => a.level - b.level);

const questionTotal = (a: repo.AssessmentRow) => a.blueprint.reduce((s, r) => s + r.count, 0);

export function presentAssessmentSummary(a: repo.AssessmentRow, attemptCount: number): z.infer<typeof AssessmentList>['items'][number] {
  return {
    id: a.id,
    frameworkId: a.frameworkId,
    titleTh: a.titleTh,
    titleEn: a.titleEn,
    descriptionTh: a.descriptionTh,
    descriptionEn: a.descriptionEn,
    status: a.status as AssessmentView['status'],
    timeLimitMinutes: a.timeLimitMinutes,
    passMarks: passMarkList(a.passMarks),
    maxAttempts: a.maxAttempts,
    targetGroupCodes: a.targetGroupCodes,
    opensAt: iso(a.opensAt),
    closesAt: iso(a.closesAt),
    isSample: a.isSample,
    version: a.version,
    attemptCount,
    questionCount: questionTotal(a),
    updatedAt: iso(a.updatedAt),
  };
}

export function presentAssessment(
  a: repo.AssessmentRow,
  supply: Map<string, number>,
  agencies: { id: string; nameTh: string; nameEn: string }[],
  attemptCount: number,
): AssessmentView {
  return {
    ...presentAssessmentSummary(a, attemptCount),
    blueprint: a.blueprint.map((r) => ({ ...r, available: supply.get(`${r.skillAreaCode}:${r.level}`) ?? 0 })),
    agencies: a.agencyIds.map((id) => agencies.find((x) => x.id === id) ?? { id, nameTh: id, nameEn: id }),
    abilities: { edit: true, editContent: attemptCount === 0 },
  };
}

/** What a candidate sees while taking the test: the stems and options in their order, their answers. Never the key. */
export function presentAttempt(v: Awaited<ReturnType<typeof getAttempt>>): AttemptView {
  const answers = new Map(v.answers.map((a) => [a.position, a]));
  return {
    id: v.attempt.id,
    assessmentId: v.assessment.id,
    titleTh: v.assessment.titleTh,
    titleEn: v.assessment.titleEn,
    attemptNo: v.attempt.attemptNo,
    status: v.attempt.status as AttemptView['status'],
    startedAt: iso(v.attempt.startedAt),
    deadlineAt: iso(v.attempt.deadlineAt),
    serverNow: iso(v.now),
    questions: v.questions.map((q) => {
      const byId = new Map(q.item.options.map((o) => [o.id, o]));
      const answer = answers.get(q.position);
      return {
        position: q.position,
        kind: q.item.kind as AttemptView['questions'][number]['kind'],
        stemTh: q.item.stemTh,
        stemEn: q.item.stemEn,
        caseTh: q.item.caseTh,
        caseEn: q.item.caseEn,
        imageUrl: q.item.imageFileId ? `/api/attempts/${v.attempt.id}/questions/${q.position}/image` : null,
        skillAreaCode: q.item.skillAreaCode,
        options: q.optionIds.map((id) => {
          const o = byId.get(id);
          return { id, textTh: o?.textTh ?? '', textEn: o?.textEn ?? '' };
        }),
        response: answer ? answer.response : null,
        savedAt: answer ? iso(answer.savedAt) : null,
      };
    }),
  };
}

export function presentResult(attempt: attemptsRepo.AttemptRow, assessment: repo.AssessmentRow, attemptsLeft: number): AttemptResultView {
  const results = attempt.results as StoredResults;
  const raw = Number(attempt.scoreRaw ?? 0);
  const max = attempt.scoreMax ?? 0;
  return {
    id: attempt.id,
    assessmentId: assessment.id,
    titleTh: assessment.titleTh,
    titleEn: assessment.titleEn,
    attemptNo: attempt.attemptNo,
    startedAt: iso(attempt.startedAt),
    submittedAt: iso(attempt.submittedAt as Date),
    submittedBy: (attempt.submittedBy ?? 'learner') as AttemptResultView['submittedBy'],
    score: { raw, max, scaled: max ? Math.round((raw / max) * 10000) / 10000 : 0 },
    passed: !!attempt.passed,
    skillAreas: results.skillAreas,
    questions: results.questions,
    attemptsLeft,
  };
}

export function presentMyAssessment(x: Awaited<ReturnType<typeof listMyAssessments>>[number]): MyAssessment {
  const a = x.assessment;
  return {
    id: a.id,
    titleTh: a.titleTh,
    titleEn: a.titleEn,
    descriptionTh: a.descriptionTh,
    descriptionEn: a.descriptionEn,
    isSample: a.isSample,
    timeLimitMinutes: a.timeLimitMinutes,
    questionCount: x.questionCount,
    opensAt: iso(a.opensAt),
    closesAt: iso(a.closesAt),
    isOpen: x.isOpen,
    maxAttempts: a.maxAttempts,
    attemptsUsed: x.attemptsUsed,
    activeAttemptId: x.active?.id ?? null,
    lastResult: x.last
      ? {
          attemptId: x.last.id,
          submittedAt: iso(x.last.submittedAt as Date),
          passed: !!x.last.passed,
          scaled: x.last.scoreMax ? Math.round((Number(x.last.scoreRaw) / x.last.scoreMax) * 10000) / 10000 : 0,
        }
      : null,
    canStart: x.canStart,
  };
}

export const presentStatement = (s: repo.StatementRow): StatementView => ({
  id: s.id,
  skillAreaCode: s.skillAreaCode,
  level: s.level,
  textTh: s.textTh,
  textEn: s.textEn,
  sortOrder: s.sortOrder,
  isSample: s.isSample,
  isActive: s.isActive,
});

export function presentSelfAssessment(v: Awaited<ReturnType<typeof getSelfAssessment>>): SelfAssessmentView {
  const [latest] = v.mine;
  return {
    frameworkId: v.frameworkId,
    statements: v.statements.map(presentStatement),
    latest: latest ? { id: latest.id, submittedAt: iso(latest.submittedAt), ratings: latest.ratings, levels: latest.levels } : null,
    history: v.mine.map((m) => ({ id: m.id, submittedAt: iso(m.submittedAt), levels: m.levels })),
    tested: Object.fromEntries(
      Object.entries(v.tested).map(([code, t]) => [code, { level: t.level, at: iso(t.at), attemptId: t.attemptId }]),
    ),
    canEditStatements: v.canEditStatements,
    canRate: v.canRate,
  };
}
