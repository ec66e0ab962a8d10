import type { Sql } from '../../db/types.ts';
import { invalid } from '../../platform/errors.ts';
import { isInternalTopic } from './match-trigger.ts';
import type { TriggerInput } from './trigger-schema.ts';

/** What the schema cannot say: the topic is not internal, recipients are given and exist. */
export async function checkTriggerInput(tx: Sql, input: TriggerInput): Promise<void> {
  if (isInternalTopic(input.topic)) throw invalid('topic', `${input.topic} is internal to Lotline; triggers listen to domain events`);
  for (const [i, a] of input.actions.entries()) {
    if (a.type === 'webhook') continue;
    if (a.type === 'create_pick_list') {
      if (!input.topic.startsWith('order.')) throw invalid(`actions.${i}.type`, 'create_pick_list picks an order: listen to an order.* topic');
      continue;
    }
    if (a.type === 'generate_documents') {
      if (!input.topic.startsWith('shipment.')) throw invalid(`actions.${i}.type`, 'generate_documents renders a shipment’s documents: listen to a shipment.* topic');
      continue;
    }
    if (!a.roles?.length && !a.users?.length) throw invalid(`actions.${i}.roles`, 'name roles and/or users to notify');
    if (a.roles?.length) {
      const { rows } = await tx.query<{ code: string }>('SELECT code FROM roles WHERE code = ANY ($1::text[])', [a.roles]);
      const unknown = a.roles.find((r) => !rows.some((x) => x.code === r));
      if (unknown) throw invalid(`actions.${i}.roles`, `no role ${unknown}`);
    }
    if (a.users?.length) {
      const { rows } = await tx.query<{ u: string }>('SELECT lower(username) AS u FROM users WHERE lower(username) = ANY ($1::text[])', [a.users.map((u) => u.toLowerCase())]);
      const unknown = a.users.find((u) => !rows.some((x) => x.u === u.toLowerCase()));
      if (unknown) throw invalid(`actions.${i}.users`, `no user ${unknown}`);
    }
  }
}
