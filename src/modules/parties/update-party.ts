import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { aadFor } from '../../platform/crypto/rotate-keys.ts';
import { BANK_DETAILS, ENCRYPTED } from './sensitive-columns.ts';
import { checkVersion } from './party-access.ts';
import { checkPartyFieldRules } from './party-rules.ts';
import type { PartyPatch } from './party-patch-schemas.ts';
import { PARTY_COLUMNS, type PartyView } from './party-view.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';

/** The plain (not encrypted) fields a PATCH may change, and their columns. */
const COLUMNS = {
  customerType: 'customer_type', nameZh: 'name_zh', nameEn: 'name_en', creditCode: 'credit_code',
  paymentTermsDays: 'payment_terms_days', creditLimitMinor: 'credit_limit_minor', currency: 'currency',
  priorityTier: 'priority_tier', minShelfLifeDays: 'min_shelf_life_days', minShelfLifePct: 'min_shelf_life_pct',
  requiresSerialCapture: 'requires_serial_capture', leadTimeDays: 'lead_time_days', notes: 'notes',
} as const satisfies Partial<Record<keyof PartyPatch, string>>;
type PlainField = keyof typeof COLUMNS;

/**
 * Changes a party's own fields under optimistic concurrency. The audit record holds the changed
 * fields only; bank details appear there as '[encrypted]', never in plain text.
 */
export async function updateParty(
  db: Database,
  crypto: FieldCrypto,
  actor: Actor,
  id: string,
  patch: PartyPatch,
  requestId: string | null = null,
): Promise<PartyView> {
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    const { rows } = await w.tx.query<PartyView & { bankDetailsEnc: string | null }>(
      `SELECT ${PARTY_COLUMNS}, p.bank_details_enc AS "bankDetailsEnc" FROM parties p WHERE p.id = $1 FOR UPDATE`, [id]);
    const row = rows[0];
    if (!row) throw notFound('party', id);
    assertVisible(actor, row.id, 'party', id);
    checkVersion('party', row.version, patch.version);
    if (patch.code !== undefined && patch.code !== row.code) throw invalid('code', 'the party code cannot be changed');
    if (patch.kind !== undefined && patch.kind !== row.kind) throw invalid('kind', 'a party cannot change between customer, supplier and carrier');

    const fields = (Object.keys(COLUMNS) as PlainField[]).filter((f) => patch[f] !== undefined);
    const before = Object.fromEntries(fields.map((f) => [f, row[f]]));
    const after = Object.fromEntries(fields.map((f) => [f, patch[f]]));
    checkPartyFieldRules({ ...row, ...after });
    const changes: Record<string, unknown> = diffFields(before, after);
    const sets: Array<[column: string, value: unknown]> = Object.keys(changes).map((f) => [COLUMNS[f as PlainField], after[f]]);

    if (patch.bankDetails !== undefined) {
      const old = row.bankDetailsEnc && crypto.decrypt(row.bankDetailsEnc, aadFor(BANK_DETAILS, id));
      if (old !== patch.bankDetails) {
        changes.bankDetails = { old: old === null ? null : ENCRYPTED, new: patch.bankDetails === null ? null : ENCRYPTED };
        sets.push(['bank_details_enc', patch.bankDetails === null ? null : crypto.encrypt(patch.bankDetails, aadFor(BANK_DETAILS, id))]);
      }
    }
    const { bankDetailsEnc: _enc, ...view } = row;
    if (!sets.length) unchanged(view);

    const assignments = sets.map(([column], i) => `${column} = $${i + 3}`).join(', ');
    const updated = await w.tx.query<PartyView>(
      `UPDATE parties p SET ${assignments}, version = version + 1, updated_at = now(), updated_by = $2
        WHERE p.id = $1 RETURNING ${PARTY_COLUMNS}`,
      [id, actor.name, ...sets.map(([, v]) => v)],
    );
    changes.version = { old: row.version, new: row.version + 1 };
    w.audit({ entityType: 'party', entityId: id, action: 'updated', changes });
    w.emit({ topic: 'party.updated', entityType: 'party', entityId: id, payload: { code: row.code, fields: Object.keys(changes) } });
    return updated.rows[0]!;
  });
}
