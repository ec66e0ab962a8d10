import type { HoldType } from '../rules/rule-types.ts';
import type { LoadedWorkflow, WorkflowStep } from './workflow-types.ts';

const day = (role: string, mode: 'add_approver' | 'notify' = 'notify') => ({ afterHours: 24, role, mode });

/**
 * The built-in workflow of each hold type, used until an administrator activates a version of
 * their own (version 0, like the built-in rule set). A price hold asks the roles its rules name:
 * sales first, then finance when a large discount named finance too.
 */
export const DEFAULT_WORKFLOW_STEPS: Record<HoldType, WorkflowStep[]> = {
  compliance: [{ name: 'quality review', approvals: [{ role: 'quality' }], escalation: day('admin') }],
  credit: [{ name: 'credit check', approvals: [{ role: 'finance' }], escalation: day('admin') }],
  price: [
    { name: 'sales approval', approvals: [{ role: 'sales', onlyIfNamedByHold: true }], escalation: day('admin') },
    { name: 'finance approval', approvals: [{ role: 'finance', onlyIfNamedByHold: true }], escalation: day('admin') },
  ],
  contract: [{ name: 'contract review', approvals: [{ role: 'sales' }], escalation: day('admin') }],
  anomaly: [{ name: 'order review', approvals: [{ role: 'customer_service' }], escalation: { afterHours: 8, role: 'sales', mode: 'add_approver' } }],
  stock: [{ name: 'supply decision', approvals: [{ role: 'planner' }], escalation: day('admin') }],
};

export const builtInWorkflow = (holdType: HoldType): LoadedWorkflow => ({
  id: 'built-in',
  holdType,
  version: 0,
  steps: DEFAULT_WORKFLOW_STEPS[holdType],
});
