import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_PLAN_STATES } from '../../../../common/contracts/development.js';
import { type DevelopmentPlanAction, nextDevelopmentPlanState } from './state-machine.js';

describe('development plan state machine', () => {
  it('runs draft → submitted → returned → submitted → approved → completed', () => {
    expect(nextDevelopmentPlanState('draft', 'edit')).toBe('draft');
    expect(nextDevelopmentPlanState('draft', 'submit')).toBe('submitted');
    expect(nextDevelopmentPlanState('submitted', 'return')).toBe('returned');
    expect(nextDevelopmentPlanState('returned', 'edit')).toBe('returned');
    expect(nextDevelopmentPlanState('returned', 'submit')).toBe('submitted');
    expect(nextDevelopmentPlanState('submitted', 'approve')).toBe('approved');
    expect(nextDevelopmentPlanState('approved', 'complete')).toBe('completed');
  });

  it('refuses every other transition (a submitted plan cannot be edited, a completed one is final)', () => {
    const legal = new Set([
      'draft:edit',
      'draft:submit',
      'returned:edit',
      'returned:submit',
      'submitted:approve',
      'submitted:return',
      'approved:complete',
    ]);
    const actions: DevelopmentPlanAction[] = ['edit', 'submit', 'approve', 'return', 'complete'];
    let refused = 0;
    for (const s of DEVELOPMENT_PLAN_STATES) {
      for (const a of actions) {
        if (legal.has(`${s}:${a}`)) continue;
        expect(nextDevelopmentPlanState(s, a), `${s} + ${a}`).toBeNull();
        refused++;
      }
    }
    expect(refused).toBe(18);
    expect(nextDevelopmentPlanState('submitted', 'edit')).toBeNull();
    expect(nextDevelopmentPlanState('completed', 'edit')).toBeNull();
  });
});
