import type { PlanState } from '../../../../common/contracts/plans.js';

/** What can be done to a plan; `edit` keeps the state. */
export type PlanAction = 'edit' | 'submit' | 'approve' | 'return';

const NEXT: Record<PlanState, Partial<Record<PlanAction, PlanState>>> = {
  draft: { edit: 'draft', submit: 'submitted' },
  returned: { edit: 'returned', submit: 'submitted' },
  submitted: { approve: 'approved', return: 'returned' },
  approved: {},
};

/**
 * The plan's state machine: draft → submitted → approved | returned → (edit) → submitted …; a submitted
 * plan is frozen until the executive decides, and an approved plan is final. Null means illegal (409).
 */
export function nextPlanState(state: PlanState, action: PlanAction): PlanState | null {
  return NEXT[state]?.[action] ?? null;
}
