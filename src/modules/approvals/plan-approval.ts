import type { ApprovalSpec, PlannedStep, WorkflowStep } from './workflow-types.ts';

export interface HoldFacts {
  /** The roles the hold's rules name (origin.approvalRoles). */
  approvalRoles: readonly string[];
  orderTotalMinor: number;
  currency: string;
}

/** Who signs when nothing else is left to ask: a hold is never released without a signature. */
export const FALLBACK_ROLE = 'admin';

function applies(a: ApprovalSpec, h: HoldFacts): boolean {
  if (a.onlyIfNamedByHold && !h.approvalRoles.includes(a.role)) return false;
  // An amount in another currency cannot be compared: the approval is asked, to be safe.
  if (a.aboveTotalMinor !== undefined && a.currency === h.currency && h.orderTotalMinor <= a.aboveTotalMinor) return false;
  return true;
}

/**
 * Instantiates a workflow for one hold: approvals that do not apply are dropped, then steps left
 * empty. A role the hold names that no step asks gets a last step of its own, so a rule that
 * requires a role is never skipped by a definition that forgot it; an empty plan asks the
 * fallback role.
 */
export function planApproval(steps: readonly WorkflowStep[], hold: HoldFacts): PlannedStep[] {
  const planned = steps
    .map((s) => ({ s, roles: [...new Set(s.approvals.filter((a) => applies(a, hold)).map((a) => a.role))] }))
    .filter((p) => p.roles.length > 0);
  const asked = new Set(planned.flatMap((p) => p.roles));
  const missing = [...new Set(hold.approvalRoles)].filter((r) => !asked.has(r));
  const all = [
    ...planned.map((p) => ({ name: p.s.name ?? null, roles: p.roles, escalation: p.s.escalation ?? null })),
    ...(missing.length ? [{ name: 'roles named by the rules', roles: missing, escalation: null }] : []),
  ];
  const withFallback = all.length ? all : [{ name: 'fallback', roles: [FALLBACK_ROLE], escalation: null }];
  return withFallback.map((s, i) => ({ stepNo: i + 1, ...s }));
}
