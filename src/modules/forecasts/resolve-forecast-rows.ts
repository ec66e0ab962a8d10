import type { Sql } from '../../db/types.ts';
import { findDeviceIdsByCode, getDeviceFacts } from '../catalog/device-queries.ts';
import { parsePeriod } from './forecast-period.ts';
import { checkRowShape, type ForecastRow, type KeyedRow, type RowError } from './forecast-rows.ts';

interface PartyRef {
  id: string;
  code: string;
  kind: string;
}

/**
 * Customers by code or id. Parties offers no bulk lookup by code, so this reads its table
 * directly, as the pricing module does for the customer's currency.
 */
async function findParties(tx: Sql, codes: string[], ids: string[]): Promise<PartyRef[]> {
  if (!codes.length && !ids.length) return [];
  const { rows } = await tx.query<PartyRef>(
    'SELECT id, code, kind FROM parties WHERE code = ANY($1::text[]) OR id = ANY($2::uuid[])', [codes, ids]);
  return rows;
}

/**
 * Gives each row its natural key: the customer (by id or code) or channel, and the device (by id
 * or code), with a handful of queries for the whole batch. Rows naming nothing known are errors.
 */
export async function resolveForecastRows(tx: Sql, rows: readonly ForecastRow[]): Promise<{ keyed: KeyedRow[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  const shaped = rows.filter((r) => {
    const e = checkRowShape(r);
    if (e) errors.push(e);
    return !e;
  });
  const defined = (xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => x !== undefined))];
  const [parties, deviceByCode, deviceFacts] = await Promise.all([
    findParties(tx, defined(shaped.map((r) => r.customerCode)), defined(shaped.map((r) => r.customerId))),
    findDeviceIdsByCode(tx, defined(shaped.map((r) => r.deviceCode))),
    getDeviceFacts(tx, defined(shaped.map((r) => r.deviceId))),
  ]);
  const partyByCode = new Map(parties.map((p) => [p.code, p]));
  const partyById = new Map(parties.map((p) => [p.id, p]));

  const keyed: KeyedRow[] = [];
  for (const r of shaped) {
    const fail = (column: string, message: string, code: RowError['code'] = 'NOT_FOUND') =>
      void errors.push({ row: r.row, column, code, message: `${column}: ${message}` });
    let customerId: string | null = null;
    if (r.channel === undefined) {
      const column = r.customerId !== undefined ? 'customerId' : 'customerCode';
      const party = r.customerId !== undefined ? partyById.get(r.customerId) : partyByCode.get(r.customerCode!);
      if (!party) { fail(column, `no customer ${r.customerId ?? r.customerCode}`); continue; }
      if (party.kind !== 'customer') { fail(column, `${party.code} is a ${party.kind}, not a customer`, 'VALIDATION_FAILED'); continue; }
      customerId = party.id;
    }
    const deviceId = r.deviceId !== undefined ? (deviceFacts.has(r.deviceId) ? r.deviceId : undefined) : deviceByCode.get(r.deviceCode!);
    if (!deviceId) { fail(r.deviceId !== undefined ? 'deviceId' : 'deviceCode', `no device ${r.deviceId ?? r.deviceCode}`); continue; }
    keyed.push({ row: r.row, customerId, channel: r.channel ?? null, deviceId, period: parsePeriod(r.period)!, quantity: r.quantity });
  }
  return { keyed, errors };
}
