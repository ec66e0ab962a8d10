import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import type { PartyInput } from './party-schemas.ts';

/** A party's own plain fields with defaults applied: what one row of `parties` says. */
export interface PartyRecord {
  customerType: PartyInput['customerType'] | null;
  nameZh: string;
  nameEn: string | null;
  creditCode: string | null;
  paymentTermsDays: number;
  creditLimitMinor: number | null;
  currency: string;
  priorityTier: number;
  minShelfLifeDays: number | null;
  minShelfLifePct: number | null;
  requiresSerialCapture: boolean;
  leadTimeDays: number | null;
  notes: string | null;
  active: boolean;
}

/** Field, column, SQL type and default of every PartyRecord field. */
const FIELDS: ReadonlyArray<readonly [keyof PartyRecord, string, string, unknown]> = [
  ['customerType', 'customer_type', 'text', null],
  ['nameZh', 'name_zh', 'text', null],
  ['nameEn', 'name_en', 'text', null],
  ['creditCode', 'credit_code', 'text', null],
  ['paymentTermsDays', 'payment_terms_days', 'int', 30],
  ['creditLimitMinor', 'credit_limit_minor', 'bigint', null],
  ['currency', 'currency', 'text', 'CNY'],
  ['priorityTier', 'priority_tier', 'int', 3],
  ['minShelfLifeDays', 'min_shelf_life_days', 'int', null],
  ['minShelfLifePct', 'min_shelf_life_pct', 'int', null],
  ['requiresSerialCapture', 'requires_serial_capture', 'boolean', false],
  ['leadTimeDays', 'lead_time_days', 'int', null],
  ['notes', 'notes', 'text', null],
  ['active', 'active', 'boolean', true],
];

export const PARTY_RECORD_SELECT = FIELDS.map(([f, c]) => `p.${c} AS "${f}"`).join(', ');

const pick = (input: PartyInput, fallback: (f: keyof PartyRecord, dflt: unknown) => unknown): PartyRecord =>
  Object.fromEntries(FIELDS.map(([f, , , dflt]) => [f, input[f] !== undefined ? input[f] : fallback(f, dflt)])) as unknown as PartyRecord;

/** A new party: the input's fields, defaults for the rest. */
export const newPartyRecord = (input: PartyInput): PartyRecord => pick(input, (_f, dflt) => dflt);

/** An existing party changed by an import row: fields the row leaves out keep their value. */
export const mergePartyRecord = (before: PartyRecord, input: PartyInput): PartyRecord => pick(input, (f) => before[f]);

/** Where master data came from: the API, an API token, an import file, the demo seed … */
export interface Provenance {
  source: string;
  sourceRef?: string | null;
}

export const defaultProvenance = (actor: Actor): Provenance => ({ source: actor.type === 'token' ? 'api_token' : 'api' });

export interface PartyRow extends PartyRecord {
  id: string;
  code: string;
  kind: PartyInput['kind'];
  bankDetailsEnc: string | null;
}

/**
 * Inserts new parties and updates changed ones in one statement (natural key: code). Returns the
 * id each code ended up with: a code inserted concurrently by someone else shows a different id.
 */
export async function writePartyRows(
  tx: Sql,
  rows: readonly PartyRow[],
  provenance: Provenance,
  actorName: string,
): Promise<Map<string, string>> {
  if (!rows.length) return new Map();
  const recordset = FIELDS.map(([f, , t]) => `"${f}" ${t}`).join(', ');
  const { rows: written } = await tx.query<{ id: string; code: string }>(
    `INSERT INTO parties (id, code, kind, bank_details_enc, ${FIELDS.map(([, c]) => c).join(', ')},
                          source, source_ref, created_by, updated_by)
     SELECT r.id, r.code, r.kind, r."bankDetailsEnc", ${FIELDS.map(([f]) => `r."${f}"`).join(', ')}, $2, $3, $4, $4
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, code text, kind text, "bankDetailsEnc" text, ${recordset})
     ON CONFLICT (code) DO UPDATE SET bank_details_enc = EXCLUDED.bank_details_enc,
       ${FIELDS.map(([, c]) => `${c} = EXCLUDED.${c}`).join(', ')},
       version = parties.version + 1, updated_at = now(), updated_by = EXCLUDED.updated_by
     RETURNING id, code`,
    [JSON.stringify(rows), provenance.source, provenance.sourceRef ?? null, actorName],
  );
  return new Map(written.map((r) => [r.code, r.id]));
}
