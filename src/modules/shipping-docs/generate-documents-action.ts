import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { generateShipmentDocuments } from './generate-shipment-documents.ts';

/** The event a trigger fired on, as far as this action reads it. */
interface FiredEvent {
  entityType: string | null;
  entityId: string | null;
  payload: Record<string, unknown>;
}

/**
 * The trigger action `generate_documents`: renders the documents of the shipment the event names
 * and records them. Kinds already on record are left alone, so an action event delivered again
 * (or two triggers on one shipment) records each document once.
 */
export async function runGenerateDocumentsAction(db: Database, actionEventId: number, source: FiredEvent): Promise<void> {
  const shipmentId = source.entityType === 'shipment' && source.entityId ? source.entityId
    : typeof source.payload.shipmentId === 'string' ? source.payload.shipmentId : null;
  if (shipmentId === null) return;
  await generateShipmentDocuments(db, systemActor('triggers'), shipmentId, {
    source: 'trigger', sourceRef: `trigger-action:${actionEventId}`, onlyMissing: true,
  });
}
