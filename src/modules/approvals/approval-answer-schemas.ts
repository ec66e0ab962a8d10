import { Type } from 'typebox';
import { Answer, Bilingual, Nullable, Timestamp } from '../../platform/http/schemas.ts';

/** The answers of the approval and workflow routes (list-inbox.ts, decide-task.ts, workflow-admin.ts). */

export const InboxAnswer = Answer(Type.Object({
  items: Type.Array(Type.Object({
    taskId: Type.String(),
    approvalId: Type.String(),
    round: Type.Integer(),
    step: Type.Object({ no: Type.Integer(), of: Type.Integer() }),
    roles: Type.Array(Type.String()),
    onBehalfOf: Nullable(Type.Object({ userId: Type.String(), name: Type.String() }, { description: 'who handed this role over, when the task is not the user’s own' })),
    openedAt: Timestamp(),
    escalateAt: Nullable(Timestamp()),
    escalated: Type.Boolean(),
    order: Type.Object({
      id: Type.String(),
      number: Type.String(),
      status: Type.String(),
      customerCode: Type.String(),
      customerName: Type.String(),
      totalMinor: Type.Integer(),
      currency: Type.String(),
    }),
    hold: Type.Object({
      id: Type.String(),
      type: Type.String(),
      reason: Bilingual,
      rules: Type.Array(Type.Object({
        rule: Type.String(),
        ruleSet: Type.Optional(Type.Object({ id: Type.String(), name: Type.String(), version: Type.Integer() })),
        lineNo: Type.Optional(Nullable(Type.Integer())),
        facts: Type.Record(Type.String(), Type.Unknown()),
      }, { additionalProperties: true, description: 'a rule firing behind the hold' })),
    }),
  })),
  total: Type.Integer(),
}));

export const DecisionAnswer = Answer(Type.Object({
  approvalId: Type.String(),
  taskId: Type.String(),
  decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
  approvalStatus: Type.String(),
  currentStep: Type.Integer(),
  order: Type.Object({ id: Type.String(), number: Type.String(), status: Nullable(Type.String()), events: Type.Array(Type.String()) }),
  signature: Type.Object({
    id: Type.String(),
    signerName: Type.String(),
    meaning: Type.String(),
    signedAt: Timestamp(),
    bindingHash: Type.String(),
    auditSeq: Type.Integer(),
  }),
}));

const WorkflowStep = Type.Object({
  name: Type.Optional(Type.String()),
  approvals: Type.Array(Type.Object({
    role: Type.String(),
    aboveTotalMinor: Type.Optional(Type.Integer()),
    currency: Type.Optional(Type.String()),
    onlyIfNamedByHold: Type.Optional(Type.Boolean()),
  })),
  escalation: Type.Optional(Type.Object({
    afterHours: Type.Number(),
    role: Type.String(),
    mode: Type.Union([Type.Literal('add_approver'), Type.Literal('notify')]),
  })),
});

export const WorkflowsAnswer = Answer(Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(),
    holdType: Type.String(),
    version: Type.Integer(),
    status: Type.String(),
    steps: Type.Array(WorkflowStep),
    notes: Nullable(Type.String()),
    createdBy: Nullable(Type.String()),
    createdAt: Timestamp(),
    activatedBy: Nullable(Type.String()),
    activatedAt: Nullable(Timestamp()),
  })),
  inForce: Type.Array(Type.Object({ holdType: Type.String(), version: Type.Integer(), builtIn: Type.Boolean() })),
  builtIn: Type.Record(Type.String(), Type.Array(WorkflowStep), { description: 'the built-in steps per hold type' }),
}));
