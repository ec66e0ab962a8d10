import { Type } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';

export const DecisionBody = Type.Object({
  decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
  meaning: Type.Union([Type.Literal('approved'), Type.Literal('reviewed'), Type.Literal('released'), Type.Literal('rejected')], {
    description: 'what the signature means (21 CFR Part 11 §11.50(a)(3))',
  }),
  password: Type.String({ minLength: 1, maxLength: 256, description: 'the signer re-enters their password' }),
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'needed on the first signature of a session' })),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });

export const TaskParams = Type.Object({ taskId: Type.String({ format: 'uuid' }) });

export const DelegationBody = Type.Object({
  delegate: Type.String({ minLength: 1, maxLength: 64, description: 'username of the delegate' }),
  validFrom: DateString(),
  validTo: DateString(),
  roles: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z_]+$', maxLength: 40 }), { minItems: 1, maxItems: 20 })),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
  user: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'whose tasks (default: yours; another user’s needs users.manage)' })),
}, { additionalProperties: false });

export const ApprovalListQuery = Type.Object({
  status: Type.Optional(Type.Union(['open', 'approved', 'rejected', 'withdrawn', 'superseded'].map((s) => Type.Literal(s)))),
  orderId: Type.Optional(Type.String({ format: 'uuid' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
