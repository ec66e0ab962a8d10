import { Type } from 'typebox';
import { Nullable, Timestamp } from '../http/schemas.ts';

/** One audit-trail entry as the API shows an entity's history (an order's timeline, a lot's history). */
export const TimelineEntry = Type.Object({
  seq: Type.Integer(),
  at: Timestamp(),
  actor: Type.String(),
  action: Type.String(),
  changes: Type.Unknown(),
  reason: Nullable(Type.String()),
  signature: Nullable(Type.Object({
    meaning: Type.String(),
    signerId: Type.String(),
    signerName: Type.String(),
    signedAt: Timestamp(),
  }, { description: 'the electronic signature of an approval' })),
});
