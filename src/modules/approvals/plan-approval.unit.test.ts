import { describe, expect, it } from 'vitest';
import { planApproval } from './plan-approval.ts';
import { DEFAULT_WORKFLOW_STEPS } from './default-workflows.ts';

const hold = (approvalRoles: string[], orderTotalMinor = 100_000, currency = 'CNY') => ({ approvalRoles, orderTotalMinor, currency });
const roles = (p: ReturnType<typeof planApproval>) => p.map((s) => s.roles);

describe('planning the approval of a hold', () => {
  it('given a price hold naming sales and finance, when planned by default, then sales signs before finance', () => {
    expect(roles(planApproval(DEFAULT_WORKFLOW_STEPS.price, hold(['sales', 'finance'])))).toEqual([['sales'], ['finance']]);
  });

  it('given a price hold naming only sales, when planned by default, then finance is not asked', () => {
    const plan = planApproval(DEFAULT_WORKFLOW_STEPS.price, hold(['sales']));
    expect(plan).toEqual([{ stepNo: 1, name: 'sales approval', roles: ['sales'], escalation: { afterHours: 24, role: 'admin', mode: 'notify' } }]);
  });

  it('given a compliance hold, when planned by default, then quality signs', () => {
    expect(roles(planApproval(DEFAULT_WORKFLOW_STEPS.compliance, hold(['quality'])))).toEqual([['quality']]);
  });

  it('given a step of two approvals, when planned, then both are asked in parallel in one step', () => {
    const plan = planApproval([{ approvals: [{ role: 'sales' }, { role: 'finance' }] }], hold([]));
    expect(roles(plan)).toEqual([['sales', 'finance']]);
  });

  it('given finance only above 500 000.00 CNY, when the order total is at or below it, then finance is not asked', () => {
    const steps = [{ approvals: [{ role: 'sales' }, { role: 'finance', aboveTotalMinor: 50_000_000, currency: 'CNY' }] }];
    expect(roles(planApproval(steps, hold([], 50_000_000)))).toEqual([['sales']]);
    expect(roles(planApproval(steps, hold([], 50_000_001)))).toEqual([['sales', 'finance']]);
  });

  it('given a threshold in another currency, when planned, then the approval is asked to be safe', () => {
    const steps = [{ approvals: [{ role: 'finance', aboveTotalMinor: 50_000_000, currency: 'USD' }] }];
    expect(roles(planApproval(steps, hold([], 10, 'CNY')))).toEqual([['finance']]);
  });

  it('given a role the rules name that no step asks, when planned, then it gets a last step', () => {
    expect(roles(planApproval(DEFAULT_WORKFLOW_STEPS.compliance, hold(['quality', 'finance'])))).toEqual([['quality'], ['finance']]);
  });

  it('given nothing applies, when planned, then the fallback role signs', () => {
    expect(roles(planApproval(DEFAULT_WORKFLOW_STEPS.price, hold([])))).toEqual([['admin']]);
  });
});
