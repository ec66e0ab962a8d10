import { Type, type Static } from 'typebox';

const Message = Type.Object({ en: Type.String({ minLength: 1, maxLength: 500 }), zh: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false, description: 'text in both languages; {{field}} is replaced from the event (number, to, from, topic …)' });
const Roles = Type.Array(Type.String({ pattern: '^[a-z_]+$', maxLength: 40 }), { minItems: 1, maxItems: 20 });
const Users = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50, description: 'usernames' });

export const TriggerActionSchema = Type.Union([
  Type.Object({
    type: Type.Literal('webhook'),
    url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
    secret: Type.String({ minLength: 16, maxLength: 200, description: 'HMAC-SHA256 key; write-only, stored encrypted' }),
  }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('notify'), roles: Type.Optional(Roles), users: Type.Optional(Users), message: Message }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('in_app'), roles: Type.Optional(Roles), users: Type.Optional(Users), message: Type.Optional(Message) }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('generate_documents') }, { additionalProperties: false, description: 'render and record the shipment’s documents (topics shipment.*)' }),
  Type.Object({ type: Type.Literal('create_pick_list') }, { additionalProperties: false, description: 'make a pick list of the order’s open allocations (topics order.*)' }),
]);

export const TriggerInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  topic: Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$', maxLength: 80, description: 'an outbox topic: order.confirmed, order.status_changed …' }),
  filter: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }),
    Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 50 }),
    { maxProperties: 5, description: 'payload field → allowed values, e.g. {"to": ["confirmed"]}' })),
  enabled: Type.Optional(Type.Boolean()),
  actions: Type.Array(TriggerActionSchema, { minItems: 1, maxItems: 10 }),
}, { additionalProperties: false });
export type TriggerInput = Static<typeof TriggerInput>;
