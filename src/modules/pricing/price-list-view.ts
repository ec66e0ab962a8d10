import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { deviceCodes } from './reference-lookups.ts';
import type { Channel, PriceBreak } from './types.ts';
import type { RecordStamp } from '../../platform/record-stamp.ts';

/** A price list header as the API shows it. */
export interface PriceListView extends RecordStamp {
  id: string;
  code: string;
  name: string;
  currency: string;
  validFrom: string;
  validTo: string | null;
  channel: Channel | null;
  customerId: string | null;
  active: boolean;
  lineCount: number;
}

export const PRICE_LIST_COLUMNS = `pl.id, pl.code, pl.name, pl.currency, pl.valid_from AS "validFrom", pl.valid_to AS "validTo",
  pl.channel, pl.customer_id AS "customerId", pl.active,
  (SELECT count(*)::int FROM price_list_lines l WHERE l.price_list_id = pl.id) AS "lineCount",
  pl.version, pl.source, pl.source_ref AS "sourceRef", pl.created_by AS "createdBy", pl.updated_by AS "updatedBy",
  pl.created_at AS "createdAt", pl.updated_at AS "updatedAt"`;

/**
 * The header, if the actor may see it: an organisation-scoped actor (hospital portal) sees only
 * the lists made for its own organisation; any other list is reported as not found.
 */
export async function loadPriceList(tx: Sql, actor: Actor, id: string, lock = false): Promise<PriceListView> {
  const { rows } = await tx.query<PriceListView>(
    `SELECT ${PRICE_LIST_COLUMNS} FROM price_lists pl WHERE pl.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const list = rows[0];
  if (!list) throw notFound('price list', id);
  assertVisible(actor, list.customerId, 'price list', id);
  return list;
}

export interface PriceListLineView {
  id: string;
  priceListId: string;
  deviceId: string;
  deviceCode: string;
  unitPriceMinor: number;
  /** absent for organisation-scoped actors: the floor is the seller's business */
  floorMinor?: number | null;
  breaks: PriceBreak[];
  source: string;
  sourceRef: string | null;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const LINE_COLUMNS = `l.id, l.price_list_id AS "priceListId", l.device_id AS "deviceId", l.unit_price_minor AS "unitPriceMinor",
  l.floor_minor AS "floorMinor",
  coalesce((SELECT json_agg(json_build_object('minQuantity', b.min_quantity, 'unitPriceMinor', b.unit_price_minor)
                            ORDER BY b.min_quantity)
              FROM price_list_breaks b WHERE b.line_id = l.id), '[]'::json) AS breaks,
  l.source, l.source_ref AS "sourceRef", l.created_by AS "createdBy", l.updated_by AS "updatedBy",
  l.created_at AS "createdAt", l.updated_at AS "updatedAt"`;

/** Lines with the codes of their devices, which the catalogue gives for all lines at once. */
export async function withDeviceCodes(tx: Sql, lines: ReadonlyArray<Omit<PriceListLineView, 'deviceCode'>>): Promise<PriceListLineView[]> {
  const codes = await deviceCodes(tx, lines.map((l) => l.deviceId));
  return lines.map((l) => ({ ...l, deviceCode: codes.get(l.deviceId)! }));
}

export async function loadLine(tx: Sql, priceListId: string, lineId: string, lock = false): Promise<PriceListLineView> {
  const { rows } = await tx.query<Omit<PriceListLineView, 'deviceCode'>>(
    `SELECT ${LINE_COLUMNS} FROM price_list_lines l WHERE l.id = $1 AND l.price_list_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [lineId, priceListId],
  );
  if (!rows[0]) throw notFound('price list line', lineId);
  return (await withDeviceCodes(tx, rows))[0]!;
}

/** Floors stay with the seller: organisation-scoped actors get lines without them. */
export function lineForActor(actor: Actor, line: PriceListLineView): PriceListLineView {
  if (actor.organisationId === null) return line;
  const { floorMinor: _floor, ...rest } = line;
  return rest;
}
