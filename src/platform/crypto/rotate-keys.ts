import type { Database } from '../../db/types.ts';
import { systemActor } from '../actor.ts';
import { writeTx } from '../unit-of-work.ts';
import type { FieldCrypto } from './field-crypto.ts';

/** A column holding AES-GCM ciphertexts; the AAD is `<table>.<column>:<id>`. */
export interface SensitiveColumn {
  table: string;
  idColumn: string;
  column: string;
}

export const aadFor = (c: SensitiveColumn, id: string): string => `${c.table}.${c.column}:${id}`;

/**
 * Re-encrypts every sensitive value not made with the primary key, batch by batch, each batch in
 * one audited transaction. Keep the old keys configured until this reports zero remaining.
 */
export async function rotateKeys(
  db: Database,
  crypto: FieldCrypto,
  columns: readonly SensitiveColumn[],
  onProgress: (done: number) => void = () => {},
): Promise<{ reencrypted: number }> {
  let total = 0;
  for (const c of columns) {
    for (;;) {
      const n = await writeTx(db, { actor: systemActor('key-rotation') }, async (w) => {
        const { rows } = await w.tx.query<{ id: string; value: string }>(
          `SELECT ${c.idColumn}::text AS id, ${c.column} AS value FROM ${c.table}
            WHERE ${c.column} IS NOT NULL AND ${c.column} NOT LIKE $1 LIMIT 500 FOR UPDATE`,
          [`enc:v1:${crypto.primaryKeyId}:%`],
        );
        const reencrypted = rows.map((r) => {
          const aad = aadFor(c, r.id);
          return { id: r.id, value: crypto.encrypt(crypto.decrypt(r.value, aad), aad) };
        });
        if (reencrypted.length) {
          await w.tx.query(
            `UPDATE ${c.table} t SET ${c.column} = r.value
               FROM jsonb_to_recordset($1::jsonb) AS r(id text, value text) WHERE t.${c.idColumn}::text = r.id`,
            [JSON.stringify(reencrypted)],
          );
        }
        w.audit({
          entityType: 'encryption_key',
          entityId: crypto.primaryKeyId,
          action: 'rotated',
          changes: { table: { new: c.table }, column: { new: c.column }, rows: { new: rows.length } },
        });
        return rows.length;
      });
      total += n;
      onProgress(total);
      if (n < 500) break;
    }
  }
  return { reencrypted: total };
}
