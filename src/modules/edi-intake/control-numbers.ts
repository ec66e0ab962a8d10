import type { Sql } from '../../db/types.ts';

/** The next control number of something Lotline sends (ack, 855, ORDRSP): one sequence, never reused within nine digits. */
export async function nextControlNumber(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(`SELECT nextval('edi_control_number_seq') AS n`);
  return rows[0]!.n;
}
