import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { ENCRYPTED } from '../parties/sensitive-columns.ts';
import { checkTriggerInput } from './check-trigger-input.ts';
import { webhookSecretAad } from './sensitive-columns.ts';
import type { TriggerInput } from './trigger-schema.ts';

/** The actions as the audit trail and the API show them: secrets never leave encrypted. */
const shownActions = (input: TriggerInput) => input.actions.map((a) => (a.type === 'webhook' ? { ...a, secret: ENCRYPTED } : a));

async function writeActions(w: Work, crypto: FieldCrypto, triggerId: string, input: TriggerInput): Promise<void> {
  const rows = input.actions.map((a, position) => {
    const id = uuidv7();
    const { type, ...config } = a;
    if (type !== 'webhook') return { id, position, type, config, secret: null };
    const { secret, ...rest } = config as { url: string; secret: string };
    return { id, position, type, config: rest, secret: crypto.encrypt(secret, webhookSecretAad(id)) };
  });
  await w.tx.query(
    `INSERT INTO trigger_actions (id, trigger_id, position, type, config, secret_enc)
     SELECT r.id, $1, r.position, r.type, r.config, r.secret FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, position int, type text, config jsonb, secret text)`,
    [triggerId, JSON.stringify(rows)]);
}

/** Creates a trigger; its webhook secrets are encrypted with the field keys. */
export function createTrigger(db: Database, crypto: FieldCrypto, actor: Actor, input: TriggerInput, requestId: string | null) {
  return writeTx(db, { actor, requestId }, async (w) => {
    await checkTriggerInput(w.tx, input);
    const id = uuidv7();
    await w.tx.query(
      `INSERT INTO triggers (id, name, topic, filter, enabled, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [id, input.name, input.topic, JSON.stringify(input.filter ?? {}), input.enabled ?? true, actor.name]);
    await writeActions(w, crypto, id, input);
    w.audit({ entityType: 'trigger', entityId: id, action: 'created', changes: {
      name: { new: input.name }, topic: { new: input.topic }, filter: { new: input.filter ?? {} }, enabled: { new: input.enabled ?? true },
      actions: { new: shownActions(input) } } });
    return { id, version: 1 };
  });
}

/** Replaces a trigger's definition (webhook secrets are given again: they are write-only); the old actions stop. */
export function replaceTrigger(db: Database, crypto: FieldCrypto, actor: Actor, id: string, input: TriggerInput, requestId: string | null) {
  return writeTx(db, { actor, requestId }, async (w) => {
    const { rows } = await w.tx.query<{ name: string; topic: string; filter: unknown; enabled: boolean; version: number }>(
      'SELECT name, topic, filter, enabled, version FROM triggers WHERE id = $1 AND deleted_at IS NULL FOR UPDATE', [id]);
    const before = rows[0];
    if (!before) throw notFound('trigger', id);
    await checkTriggerInput(w.tx, input);
    await w.tx.query('UPDATE trigger_actions SET removed_at = now() WHERE trigger_id = $1 AND removed_at IS NULL', [id]);
    await w.tx.query(
      `UPDATE triggers SET name = $2, topic = $3, filter = $4, enabled = $5, version = version + 1, updated_by = $6, updated_at = now() WHERE id = $1`,
      [id, input.name, input.topic, JSON.stringify(input.filter ?? {}), input.enabled ?? true, actor.name]);
    await writeActions(w, crypto, id, input);
    w.audit({ entityType: 'trigger', entityId: id, action: 'replaced', changes: {
      version: { old: before.version, new: before.version + 1 }, name: { old: before.name, new: input.name }, topic: { old: before.topic, new: input.topic },
      filter: { old: before.filter, new: input.filter ?? {} }, enabled: { old: before.enabled, new: input.enabled ?? true }, actions: { new: shownActions(input) } } });
    return { id, version: before.version + 1 };
  });
}

/** Deletes a trigger: it stops matching events, its pending actions are skipped; its history stays. */
export function deleteTrigger(db: Database, actor: Actor, id: string, requestId: string | null) {
  return writeTx(db, { actor, requestId }, async (w) => {
    const r = await w.tx.query('UPDATE triggers SET deleted_at = now(), enabled = false, updated_by = $2, updated_at = now() WHERE id = $1 AND deleted_at IS NULL', [id, actor.name]);
    if (r.rowCount === 0) throw notFound('trigger', id);
    await w.tx.query('UPDATE trigger_actions SET removed_at = now() WHERE trigger_id = $1 AND removed_at IS NULL', [id]);
    w.audit({ entityType: 'trigger', entityId: id, action: 'deleted' });
    return { id, deleted: true };
  });
}
