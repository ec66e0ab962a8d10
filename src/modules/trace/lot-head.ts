import type { Sql } from '../../db/types.ts';

export interface LotDocument {
  kind: string;
  reference: string;
  issuedOn: string | null;
}

/** Who released the lot and under which signature meaning, from the audit trail. */
export interface LotRelease {
  by: string;
  /** ISO 8601 */
  at: string;
  meaning: string | null;
  signedBy: string | null;
}

export interface LotHead {
  id: string;
  lotNumber: string;
  manufacturedOn: string | null;
  expiresOn: string;
  status: string;
  device: {
    id: string; code: string; nameZh: string; nameEn: string | null; deviceClass: string; trackingMode: string;
    registrationNumber: string | null; registrationExpiresOn: string | null; eachGtin: string | null;
  };
  documents: LotDocument[];
  release: LotRelease | null;
}

/** A lot's head as one json value, over `LOT_HEAD_FROM` (so a larger query can embed it). */
export const LOT_HEAD_JSON = `json_build_object('id', l.id, 'lotNumber', l.lot_number, 'manufacturedOn', l.manufactured_on, 'expiresOn', l.expires_on,
  'status', l.status,
  'device', json_build_object('id', d.id, 'code', d.code, 'nameZh', d.name_zh, 'nameEn', d.name_en, 'deviceClass', d.device_class,
    'trackingMode', d.tracking_mode, 'registrationNumber', d.registration_number, 'registrationExpiresOn', d.registration_expires_on,
    'eachGtin', (SELECT p.gtin FROM device_packaging p WHERE p.device_id = d.id ORDER BY p.quantity LIMIT 1)),
  'documents', coalesce((SELECT json_agg(json_build_object('kind', ld.kind, 'reference', ld.reference, 'issuedOn', ld.issued_on) ORDER BY ld.created_at)
                           FROM lot_documents ld WHERE ld.lot_id = l.id), '[]'::json),
  'release', CASE WHEN l.released_at IS NULL THEN NULL ELSE json_build_object('by', l.released_by, 'at', l.released_at,
    'meaning', r.signature ->> 'meaning', 'signedBy', r.signature ->> 'signerName') END)`;

export const LOT_HEAD_FROM = `lots l JOIN devices d ON d.id = l.device_id
  LEFT JOIN LATERAL (SELECT a.signature FROM audit_log a
                      WHERE a.entity_type = 'lot' AND a.entity_id = l.id::text AND a.action = 'released'
                      ORDER BY a.seq DESC LIMIT 1) r ON true`;

/**
 * Lots with their device (registration certificate, each-level GTIN), the documents that
 * released them and the release signature (lots.released_by/at; the meaning from the audit
 * entry of the release) — one query for any number of lots.
 */
export async function loadLotHeads(tx: Sql, lotIds: readonly string[]): Promise<Map<string, LotHead>> {
  if (lotIds.length === 0) return new Map();
  const { rows } = await tx.query<{ head: LotHead }>(`SELECT ${LOT_HEAD_JSON} AS head FROM ${LOT_HEAD_FROM} WHERE l.id = ANY($1::uuid[])`, [[...new Set(lotIds)]]);
  return new Map(rows.map((r) => [r.head.id, r.head]));
}
