import { Type, type Static } from 'typebox';
import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { DateString } from '../../platform/http/schemas.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertVisible, customerFilter, orgFilter } from '../../platform/org-scope.ts';
import { writeTx } from '../../platform/unit-of-work.ts';

export const ExportPermitInput = Type.Object({
  customerId: Type.Optional(Type.String({ format: 'uuid', description: 'the customer it is for; absent: every customer in the country' })),
  country: Type.String({ pattern: '^[A-Z]{2}$', description: 'destination, ISO 3166 alpha-2', 'x-zh': '目的国' }),
  kind: Type.Union([Type.Literal('export'), Type.Literal('import')], { 'x-zh': '出口许可 / 进口许可' }),
  reference: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  authority: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  validFrom: DateString(),
  validTo: Type.Optional(DateString()),
}, { additionalProperties: false });
export type ExportPermitInput = Static<typeof ExportPermitInput>;

export const ExportPermitQuery = Type.Object({
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  customerId: Type.Optional(Type.String({ format: 'uuid' })),
}, { additionalProperties: false });

const VIEW = `id, customer_id AS "customerId", country, kind, reference, authority, valid_from AS "validFrom", valid_to AS "validTo"`;

/** Records an export or import permit quoted on the export papers of shipments to its country. */
export function addExportPermit(db: Database, actor: Actor, input: ExportPermitInput, requestId: string | null) {
  if (input.validTo !== undefined && input.validTo < input.validFrom) throw invalid('validTo', 'is before validFrom');
  return writeTx(db, { actor, requestId }, async (w) => {
    if (input.customerId) {
      const c = await w.tx.query(`SELECT 1 FROM parties WHERE id = $1 AND kind = 'customer'`, [input.customerId]);
      if (!c.rows.length) throw invalid('customerId', `no customer ${input.customerId}`);
      assertVisible(actor, input.customerId, 'customer', input.customerId);
    }
    const id = uuidv7();
    try {
      await w.tx.query(
        `INSERT INTO export_permits (id, customer_id, country, kind, reference, authority, valid_from, valid_to, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
        [id, input.customerId ?? null, input.country, input.kind, input.reference.trim(), input.authority ?? null, input.validFrom,
          input.validTo ?? null, actor.name]);
    } catch (e) {
      if ((e as { constraint?: string }).constraint !== 'export_permits_key') throw e;
      throw new DomainError('DUPLICATE', `${input.kind} permit ${input.reference} for ${input.country} is on file already`, { field: 'reference' });
    }
    w.audit({ entityType: 'export_permit', entityId: id, action: 'created', changes: Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, { new: v }])) });
    return (await w.tx.query(`SELECT ${VIEW} FROM export_permits WHERE id = $1`, [id])).rows[0];
  });
}

/**
 * The permits on file; a hospital portal user sees only those issued for its own organisation, a
 * territory user those of its customers and those for no customer in particular.
 */
export async function listExportPermits(tx: Sql, actor: Actor, q: Static<typeof ExportPermitQuery>) {
  const { rows } = await tx.query(
    `SELECT ${VIEW} FROM export_permits
      WHERE ($1::text IS NULL OR country = $1) AND ($2::uuid IS NULL OR customer_id = $2) AND ($3::uuid IS NULL OR customer_id = $3)
        AND ($4::uuid[] IS NULL OR customer_id IS NULL OR customer_id = ANY($4))
      ORDER BY country, kind, valid_from DESC, reference`, [q.country ?? null, q.customerId ?? null, orgFilter(actor), customerFilter(actor)]);
  return { items: rows };
}
