import type { Sql } from '../../db/types.ts';
import { invalid } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';

/**
 * A bin named on the command line: its id, its code when unique, or WAREHOUSE/BIN. Bin codes are
 * unique per warehouse only, so an ambiguous code asks for the warehouse.
 */
export async function resolveBin(tx: Sql, name: string, field: string): Promise<string> {
  if (isUuid(name)) return name;
  const [warehouse, bin] = name.includes('/') ? name.split('/', 2) : [null, name];
  const { rows } = await tx.query<{ id: string }>(
    `SELECT b.id FROM warehouse_bins b JOIN warehouses w ON w.id = b.warehouse_id WHERE b.code = $1 AND ($2::text IS NULL OR w.code = $2)`, [bin, warehouse]);
  if (rows.length === 0) throw invalid(field, `no bin ${name}`);
  if (rows.length > 1) throw invalid(field, `bin code ${name} is used in ${rows.length} warehouses: give WAREHOUSE/BIN`);
  return rows[0]!.id;
}
