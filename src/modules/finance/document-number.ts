import type { Sql } from '../../db/types.ts';

const SEQUENCES = { INV: 'invoice_number_seq', CN: 'credit_note_number_seq', PAY: 'payment_number_seq' } as const;

/** INV-2026-000001, CN-2026-000001, PAY-2026-000001: the year of the document's date, a global sequence. */
export async function nextDocumentNumber(tx: Sql, prefix: keyof typeof SEQUENCES, date: string): Promise<string> {
  const n = (await tx.query<{ n: number }>(`SELECT nextval('${SEQUENCES[prefix]}') AS n`)).rows[0]!.n;
  return `${prefix}-${date.slice(0, 4)}-${String(n).padStart(6, '0')}`;
}

/** Numbers for several documents in one statement, one per date given, in order. */
export async function nextDocumentNumbers(tx: Sql, prefix: keyof typeof SEQUENCES, dates: readonly string[]): Promise<string[]> {
  if (dates.length === 0) return [];
  const { rows } = await tx.query<{ n: number }>(`SELECT nextval('${SEQUENCES[prefix]}') AS n FROM generate_series(1, $1::int) ORDER BY 1`, [dates.length]);
  return dates.map((d, i) => `${prefix}-${d.slice(0, 4)}-${String(rows[i]!.n).padStart(6, '0')}`);
}
