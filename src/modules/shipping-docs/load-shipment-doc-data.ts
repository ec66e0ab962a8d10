import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { customerFilter, orgFilter } from '../../platform/org-scope.ts';
import { BUSINESS_TIME_ZONE } from '../orders/business-day.ts';
import { isExport } from './document-kinds.ts';
import type { DocLine, DocPackage, LotDocument, Permit, ShipmentDocData } from './shipment-doc-data.ts';

type Header = Omit<ShipmentDocData, 'lines' | 'packages' | 'lotDocuments' | 'permits'>;

const address = (alias: string) => `json_build_object('name', ${alias}.name, 'line1', ${alias}.line1, 'city', ${alias}.city,
  'province', ${alias}.province, 'postcode', ${alias}.postcode, 'country', ${alias}.country, 'gln', ${alias}.gln)`;

const HEADER = `
SELECT json_build_object('id', s.id, 'number', s.number, 'carrier', s.carrier, 'trackingNumber', s.tracking_number,
         'status', s.status, 'shipDate', to_char(s.shipped_at AT TIME ZONE $3, 'YYYY-MM-DD'),
         'shippedAt', to_char(s.shipped_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
         'deliveredOn', to_char(s.delivered_at AT TIME ZONE $3, 'YYYY-MM-DD')) AS shipment,
       json_build_object('id', o.id, 'number', o.number, 'version', o.version, 'externalPo', o.external_po,
         'orderDate', to_char(coalesce(o.submitted_at, o.created_at) AT TIME ZONE $3, 'YYYY-MM-DD'),
         'currency', o.currency, 'incoterms', o.incoterms) AS "order",
       json_build_object('id', c.id, 'code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en) AS customer,
       CASE WHEN a.id IS NULL THEN NULL ELSE ${address('a')} END AS "shipTo",
       json_build_object('name', w.name_zh, 'nameEn', w.name_en, 'line1', coalesce(w.address_line, ''), 'city', w.city,
         'province', w.province, 'postcode', w.postcode, 'country', w.country, 'gln', w.gln) AS "shipFrom"
  FROM shipments s
  JOIN orders o ON o.id = s.order_id
  JOIN parties c ON c.id = s.customer_id
  JOIN warehouses w ON w.id = s.warehouse_id
  LEFT JOIN party_addresses a ON a.id = coalesce(s.ship_to_id, o.ship_to_id)
 WHERE s.id = $1 AND ($2::uuid IS NULL OR s.customer_id = $2) AND ($4::uuid[] IS NULL OR s.customer_id = ANY($4))`;

const LINES = `
SELECT sl.line_no AS "lineNo", d.id AS "deviceId", d.code AS "deviceCode", d.name_zh AS "nameZh", d.name_en AS "nameEn",
       d.device_class AS "deviceClass", d.registration_kind AS "registrationKind", d.registration_number AS "registrationNumber",
       d.registration_expires_on AS "registrationExpiresOn", d.registrant, d.hs_code AS "hsCode",
       d.country_of_origin AS "countryOfOrigin", d.base_unit AS "baseUnit", dp.gtin AS "eachGtin", ol.buyer_item AS "buyerItem",
       l.id AS "lotId", l.lot_number AS "lotNumber", l.manufactured_on AS "manufacturedOn", l.expires_on AS "expiresOn",
       su.serial, p.id AS "packageId", p.sscc, sl.quantity, coalesce(ol.unit_price_minor, 0) AS "unitPriceMinor"
  FROM shipment_lines sl
  JOIN devices d ON d.id = sl.device_id
  JOIN lots l ON l.id = sl.lot_id
  LEFT JOIN serial_units su ON su.id = sl.serial_id
  LEFT JOIN packages p ON p.id = sl.package_id
  LEFT JOIN order_lines ol ON ol.order_id = sl.order_id AND ol.line_no = sl.line_no
  LEFT JOIN device_packaging dp ON dp.device_id = d.id AND dp.level = 'each'
 WHERE sl.shipment_id = $1
 ORDER BY sl.line_no, p.sscc NULLS LAST, l.lot_number, su.serial NULLS FIRST, sl.id`;

/**
 * Gathers a shipment's documents' data in five set-based reads: the header (shipment, order,
 * customer, ship-to, shipping warehouse), what left, the packages, the lots' release documents,
 * and — for an export — the permits for the destination. A hospital portal user sees only the
 * shipments of their own organisation, a territory user those of its customers; another one's is not found.
 */
export async function loadShipmentDocData(tx: Sql, actor: Actor, shipmentId: string): Promise<ShipmentDocData> {
  const header = (await tx.query<Header>(HEADER, [shipmentId, orgFilter(actor), BUSINESS_TIME_ZONE, customerFilter(actor)])).rows[0];
  if (!header) throw notFound('shipment', shipmentId);
  const lines = (await tx.query<DocLine>(LINES, [shipmentId])).rows;
  const packages = (await tx.query<DocPackage>(
    `SELECT id, sscc, weight_g AS "weightG" FROM packages
      WHERE shipment_id = $1 OR id IN (SELECT package_id FROM shipment_lines WHERE shipment_id = $1) ORDER BY sscc`,
    [shipmentId])).rows;
  const lotIds = [...new Set(lines.map((l) => l.lotId))];
  const lotDocuments = (await tx.query<LotDocument>(
    `SELECT lot_id AS "lotId", kind, reference, issued_on AS "issuedOn" FROM lot_documents
      WHERE lot_id = ANY ($1::uuid[]) ORDER BY lot_id, kind, reference`, [lotIds])).rows;
  const permits = isExport(header)
    ? (await tx.query<Permit>(
      `SELECT kind, reference, authority, valid_to AS "validTo" FROM export_permits
        WHERE country = $1 AND (customer_id IS NULL OR customer_id = $2)
          AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to >= $3::date)
        ORDER BY kind, reference`, [header.shipTo!.country, header.customer.id, header.shipment.shipDate])).rows
    : [];
  return { ...header, lines, packages, lotDocuments, permits };
}
