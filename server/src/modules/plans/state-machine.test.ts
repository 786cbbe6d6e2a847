import { describe, expect, it } from 'vitest';
import { PLAN_STATES } from '../../../../common/contracts/plans.js';
import { nextPlanState, type PlanAction } from './state-machine.js';

describe('plan state machine', () => {
  it('runs draft → submitted → returned → submitted → approved', () => {
    expect(nextPlanState('draft', 'edit')).toBe('draft');
    expect(nextPlanState('draft', 'submit')).toBe('submitted');
    expect(nextPlanState('submitted', 'return')).toBe('returned');
    expect(nextPlanState('returned', 'edit')).toBe('returned');
    expect(nextPlanState('returned', 'submit')).toBe('submitted');
    expect(nextPlanState('submitted', 'approve')).toBe('approved');
  });

  it('refuses every other transition', () => {
    const legal = new Set(['draft:edit', 'draft:submit', 'returned:edit', 'returned:submit', 'submitted:approve', 'submitted:return']);
    const actions: PlanAction[] = ['edit', 'submit', 'approve', 'return'];
    let refused = 0;
    for (const s of PLAN_STATES) {
      for (const a of actions) {
        if (legal.has(`${s}:${a}`)) continue;
        expect(nextPlanState(s, a), `${s} + ${a}`).toBeNull();
        refused++;
      }
    }
    expect(refused).toBe(10);
  });
});
