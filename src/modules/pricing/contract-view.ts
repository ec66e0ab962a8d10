import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { bpToPercent } from './money.ts';
import { deviceCodes } from './reference-lookups.ts';
import type { Channel } from './types.ts';
import type { RecordStamp } from '../../platform/record-stamp.ts';

/** A contract as the API shows it; the detail adds its device prices. */
export interface ContractView extends RecordStamp {
  id: string;
  contractNo: string;
  customerId: string;
  channel: Channel | null;
  currency: string;
  validFrom: string;
  validTo: string | null;
  priceListId: string | null;
  discountBp: number | null;
  discountPercent: string | null;
  active: boolean;
  priceCount: number;
}

export interface ContractPriceView {
  deviceId: string;
  deviceCode: string;
  unitPriceMinor: number;
}

export interface ContractDetail extends ContractView {
  prices: ContractPriceView[];
}

export const CONTRACT_COLUMNS = `c.id, c.contract_no AS "contractNo", c.customer_id AS "customerId", c.channel, c.currency,
  c.valid_from AS "validFrom", c.valid_to AS "validTo", c.price_list_id AS "priceListId", c.discount_bp AS "discountBp",
  c.active, (SELECT count(*)::int FROM contract_prices cp WHERE cp.contract_id = c.id) AS "priceCount",
  c.version, c.source, c.source_ref AS "sourceRef", c.created_by AS "createdBy", c.updated_by AS "updatedBy",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

export const withPercent = (c: Omit<ContractView, 'discountPercent'>): ContractView => ({
  ...c,
  discountPercent: c.discountBp === null ? null : bpToPercent(c.discountBp),
});

/** The contract with its prices, if the actor may see it (a portal user: only its own organisation's). */
export async function loadContract(tx: Sql, actor: Actor, id: string): Promise<ContractDetail> {
  const { rows } = await tx.query<Omit<ContractView, 'discountPercent'>>(
    `SELECT ${CONTRACT_COLUMNS} FROM contracts c WHERE c.id = $1`,
    [id],
  );
  if (!rows[0]) throw notFound('contract', id);
  assertVisible(actor, rows[0].customerId, 'contract', id);
  const prices = await tx.query<Omit<ContractPriceView, 'deviceCode'>>(
    'SELECT device_id AS "deviceId", unit_price_minor AS "unitPriceMinor" FROM contract_prices WHERE contract_id = $1',
    [id],
  );
  const codes = await deviceCodes(tx, prices.rows.map((p) => p.deviceId));
  const withCodes = prices.rows.map((p) => ({ ...p, deviceCode: codes.get(p.deviceId)! })).sort((a, b) => a.deviceCode.localeCompare(b.deviceCode));
  return { ...withPercent(rows[0]), prices: withCodes };
}
