import { Type } from 'typebox';

/** The JSON schema of rules, so the admin API refuses a malformed rule naming its field. */
const Message = Type.Object({ en: Type.String({ minLength: 1, maxLength: 500 }), zh: Type.String({ minLength: 1, maxLength: 500 }) });
const FactPath = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*$', maxLength: 100 });
const Literal = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean(), Type.Null(),
  Type.Array(Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]), { maxItems: 100 })]);
const HoldType = Type.Enum(['credit', 'compliance', 'price', 'contract', 'stock', 'anomaly']);
const Role = Type.String({ pattern: '^[a-z_]+$', maxLength: 40 });

const ConditionSchema = Type.Cyclic({
  Operand: Type.Union([
    Type.Object({ fact: FactPath }, { additionalProperties: false }),
    Type.Object({ value: Literal }, { additionalProperties: false }),
    Type.Object({ op: Type.Enum(['+', '-', '*', '/', 'min', 'max']),
      args: Type.Array(Type.Ref('Operand'), { minItems: 1, maxItems: 10 }) }, { additionalProperties: false }),
    Type.Object({ daysFrom: Type.Ref('Operand'), days: Type.Integer({ minimum: -36500, maximum: 36500 }) }, { additionalProperties: false }),
    Type.Object({ count: FactPath, where: Type.Optional(Type.Ref('Condition')) }, { additionalProperties: false }),
    Type.Object({ sum: FactPath, of: FactPath, where: Type.Optional(Type.Ref('Condition')) }, { additionalProperties: false }),
  ]),
  Condition: Type.Union([
    Type.Object({ all: Type.Array(Type.Ref('Condition'), { minItems: 1, maxItems: 50 }) }, { additionalProperties: false }),
    Type.Object({ any: Type.Array(Type.Ref('Condition'), { minItems: 1, maxItems: 50 }) }, { additionalProperties: false }),
    Type.Object({ not: Type.Ref('Condition') }, { additionalProperties: false }),
    Type.Object({ exists: FactPath }, { additionalProperties: false }),
    Type.Object({ missing: FactPath }, { additionalProperties: false }),
    Type.Object({
      cmp: Type.Enum(['==', '!=', '<', '<=', '>', '>=', 'in', 'not_in', 'contains', 'starts_with']),
      left: Type.Ref('Operand'), right: Type.Ref('Operand'),
    }, { additionalProperties: false }),
  ]),
}, 'Condition');

export const ActionSchema = Type.Union([
  Type.Object({ type: Type.Literal('hold'), holdType: HoldType, reason: Message, releaseRoles: Type.Optional(Type.Array(Role, { maxItems: 10 })) }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('require_approval'), holdType: HoldType, roles: Type.Array(Role, { minItems: 1, maxItems: 10 }), reason: Message }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('alert'), code: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$', maxLength: 60 }),
    severity: Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')]), message: Message }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('set_field'), field: Type.Literal('paymentTerms'), value: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('notify'), roles: Type.Array(Role, { minItems: 1, maxItems: 10 }), message: Message }, { additionalProperties: false }),
]);

export const RuleSchema = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_.]*$', maxLength: 80 }),
  name: Message,
  scope: Type.Union([Type.Literal('order'), Type.Literal('line')]),
  when: ConditionSchema,
  then: Type.Array(ActionSchema, { minItems: 1, maxItems: 10 }),
  enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const RuleSetInput = Type.Object({
  name: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_-]*$', maxLength: 40, description: 'rule set name (default: orders)' })),
  effectiveFrom: Type.String({ format: 'date' }),
  effectiveTo: Type.Optional(Type.String({ format: 'date' })),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
  rules: Type.Array(RuleSchema, { maxItems: 500 }),
});
