// What the trace screens read: the answers the trace routes declare (src/modules/trace/trace-answer-schemas.ts),
// as generated into ../api/schema.d.ts.
import type { Answer } from '../api/client';

export type LotTrace = Answer<'get', '/api/v1/trace/lots/{id}'>;
export type LotHead = LotTrace['lot'];
export type Consignee = LotTrace['consignees'][number];
export type Quantities = Consignee['totals'];
export type PartyName = Consignee['customer'];
export type OrderTrace = Answer<'get', '/api/v1/trace/orders/{id}'>;
export type ShippedUnit = OrderTrace['shipments'][number]['packages'][number]['units'][number];
export type SerialTrace = Answer<'get', '/api/v1/trace/serials'>;
export type SerialStep = SerialTrace['history'][number];
export type ScanTrace = Answer<'get', '/api/v1/trace/scan'>;
