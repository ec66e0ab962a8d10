import { Type } from 'typebox';
import { Answer, DateString, Nullable, Timestamp } from '../../platform/http/schemas.ts';
import { RuleSchema } from './rule-schema.ts';

/** The answers of the rule-set routes (rule-set-admin.ts, ../orders/dry-run-rule-set.ts). */
const RuleSetHead = {
  id: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
  status: Type.String(),
  effectiveFrom: DateString(),
  effectiveTo: Nullable(DateString()),
  notes: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  createdAt: Timestamp(),
  activatedBy: Nullable(Type.String()),
  activatedAt: Nullable(Timestamp()),
};

export const RuleSetsAnswer = Answer(Type.Object({
  items: Type.Array(Type.Object({ ...RuleSetHead, ruleCount: Type.Integer() })),
  builtIn: Type.Object({ name: Type.String(), version: Type.Integer(), rules: Type.Array(RuleSchema) }, { description: 'the rules in force when no version is active' }),
}));

export const RuleSetAnswer = Answer(Type.Object({ ...RuleSetHead, rules: Type.Array(RuleSchema) }));

export const DryRunAnswer = Answer(Type.Object({
  candidate: Type.Object({ id: Type.String(), version: Type.Integer() }),
  active: Type.Object({ id: Type.String({ description: "'built-in' when no version is active" }), version: Type.Integer() }),
  ordersChecked: Type.Integer(),
  changed: Type.Array(Type.Object({
    orderId: Type.String(),
    number: Type.String(),
    holdsNow: Type.Array(Type.String()),
    holdsWithCandidate: Type.Array(Type.String()),
  })),
}));
