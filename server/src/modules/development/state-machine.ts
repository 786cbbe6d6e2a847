import type { DevelopmentPlanState } from '../../../../common/contracts/development.js';

/** What can be done to an individual development plan; `edit` keeps the state. */
export type DevelopmentPlanAction = 'edit' | 'submit' | 'approve' | 'return' | 'complete';

const NEXT: Record<DevelopmentPlanState, Partial<Record<DevelopmentPlanAction, DevelopmentPlanState>>> = {
  draft: { edit: 'draft', submit: 'submitted' },
  returned: { edit: 'returned', submit: 'submitted' },
  submitted: { approve: 'approved', return: 'returned' },
  approved: { complete: 'completed' },
  completed: {},
};

/**
 * The plan's state machine: draft → submitted → approved | returned → (edit) → submitted …; a submitted
 * plan is frozen until the supervisor decides; an approved plan is carried out and becomes completed when
 * its last activity is done. Null means illegal (409).
 */
export function nextDevelopmentPlanState(state: DevelopmentPlanState, action: DevelopmentPlanAction): DevelopmentPlanState | null {
  return NEXT[state]?.[action] ?? null;
}
