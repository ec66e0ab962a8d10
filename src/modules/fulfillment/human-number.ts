import type { Sql } from '../../db/types.ts';

/** A number people read, e.g. PK-2026-000042, from one of this module's sequences. */
export async function humanNumber(tx: Sql, prefix: string, sequence: 'pick_list_number_seq' | 'shipment_number_seq', today: string): Promise<string> {
  const { rows } = await tx.query<{ n: number }>(`SELECT nextval('${sequence}') AS n`);
  return `${prefix}-${today.slice(0, 4)}-${String(rows[0]!.n).padStart(6, '0')}`;
}
