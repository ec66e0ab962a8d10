import type { HoldType } from '../rules/rule-types.ts';

/**
 * Approval workflows are data: per hold type, ordered steps; a step needs all of its approvals
 * (given in parallel) before the next step opens. Planning them for one hold is pure
 * (plan-approval.ts).
 */
export interface ApprovalSpec {
  role: string;
  /** Needed only when the order total is above this amount (minor units of `currency`). */
  aboveTotalMinor?: number;
  currency?: string;
  /** Needed only when the hold names this role among its approval roles (e.g. finance for a large discount). */
  onlyIfNamedByHold?: boolean;
}

export interface Escalation {
  afterHours: number;
  role: string;
  /** add_approver: the escalation role may decide the task too; notify: it is only told. */
  mode: 'add_approver' | 'notify';
}

export interface WorkflowStep {
  name?: string;
  approvals: ApprovalSpec[];
  escalation?: Escalation;
}

export interface WorkflowRef {
  id: string;
  holdType: HoldType;
  version: number;
}

export type LoadedWorkflow = WorkflowRef & { steps: WorkflowStep[] };

/** A step as instantiated for one hold: the roles that must approve, in parallel. */
export interface PlannedStep {
  stepNo: number;
  name: string | null;
  roles: string[];
  escalation: Escalation | null;
}

export type Decision = 'approve' | 'reject';
export type SignatureMeaning = 'approved' | 'reviewed' | 'released' | 'rejected';
export const APPROVE_MEANINGS: readonly SignatureMeaning[] = ['approved', 'reviewed', 'released'];
