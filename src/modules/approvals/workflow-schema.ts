import { Type, type Static } from 'typebox';

const Role = Type.String({ pattern: '^[a-z_]+$', maxLength: 40 });
export const HoldTypeSchema = Type.Enum(['credit', 'compliance', 'price', 'contract', 'stock', 'anomaly']);

const ApprovalSpecSchema = Type.Object({
  role: Role,
  aboveTotalMinor: Type.Optional(Type.Integer({ minimum: 0, description: 'needed only above this order total (minor units)' })),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  onlyIfNamedByHold: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

const EscalationSchema = Type.Object({
  afterHours: Type.Integer({ minimum: 1, maximum: 24 * 90 }),
  role: Role,
  mode: Type.Union([Type.Literal('add_approver'), Type.Literal('notify')]),
}, { additionalProperties: false });

export const WorkflowStepSchema = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  approvals: Type.Array(ApprovalSpecSchema, { minItems: 1, maxItems: 10 }),
  escalation: Type.Optional(EscalationSchema),
}, { additionalProperties: false });

/** A new version of one hold type's workflow (the API body, and the CLI's JSON file). */
export const WorkflowInput = Type.Object({
  holdType: HoldTypeSchema,
  steps: Type.Array(WorkflowStepSchema, { minItems: 1, maxItems: 10 }),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export type WorkflowInput = Static<typeof WorkflowInput>;
