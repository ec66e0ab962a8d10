import { writeFile } from 'node:fs/promises';
import type { Sql } from '../../db/types.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { systemActor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { DOCUMENT_KINDS } from './document-kinds.ts';
import { generateShipmentDocuments } from './generate-shipment-documents.ts';
import { getShipmentAsn } from './get-shipment-asn.ts';
import { getShipmentDocument } from './get-shipment-documents.ts';
import { isDocumentKind } from './shipping-doc-schemas.ts';

const actor = systemActor('cli');
const NUMBER = /^[A-Z]{2,4}-[0-9A-Z-]{1,40}$/;

/** A shipment named by its id or by its number (SH-2026-000001). */
async function shipmentIdOf(tx: Sql, ref: string): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    isUuid(ref) ? 'SELECT id FROM shipments WHERE id = $1' : 'SELECT id FROM shipments WHERE number = $1', [ref]);
  if (!rows[0]) throw new DomainError('NOT_FOUND', `no shipment ${ref}`, { field: 'shipment', details: { entity: 'shipment', id: ref } });
  return rows[0].id;
}

function checkRef(ref: string): void {
  if (!isUuid(ref) && !NUMBER.test(ref)) throw invalid('shipment', `"${ref}" is neither a shipment id nor a shipment number`);
}

export interface DocsCliOptions {
  kind: string;
  out: string;
  record?: boolean;
  json?: boolean;
}

/** `lotline shipment docs`: one document as a PDF file; with --record, all documents generated and recorded first. */
export async function writeShipmentDocument(ref: string, o: DocsCliOptions) {
  checkRef(ref);
  const kind = o.kind;
  if (!isDocumentKind(kind)) throw invalid('kind', `must be one of ${DOCUMENT_KINDS.join(', ')}`);
  const file = await withRuntime(async (rt) => {
    const id = await readTx(rt.db, (tx) => shipmentIdOf(tx, ref));
    if (o.record) await generateShipmentDocuments(rt.db, actor, id, { source: 'cli' });
    return getShipmentDocument(rt.db, actor, id, kind);
  }, { quiet: o.json });
  await writeFile(o.out, file.pdf);
  return { out: o.out, kind, bytes: file.pdf.length, sha256: file.sha256, recorded: file.recorded };
}

/** `lotline shipment asn`: the ASN written for the shipment, printed or saved. */
export async function showShipmentAsn(ref: string, o: { out?: string; json?: boolean }) {
  checkRef(ref);
  const asn = await withRuntime((rt) => readTx(rt.db, async (tx) => getShipmentAsn(tx, actor, await shipmentIdOf(tx, ref))), { quiet: o.json });
  if (o.out) await writeFile(o.out, asn.text as string);
  return asn as { messageType: string; controlNumber: string; text: string } & Record<string, unknown>;
}
