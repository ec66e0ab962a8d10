// What the pack, review, ship and shipment screens read: the answers the routes declare
// (src/modules/fulfillment, shipping-docs), as generated into ../api/schema.d.ts.
import type { Answer } from '../api/client';

export type PackedPackage = Answer<'post', '/api/v1/orders/{id}/packages'>;
export type PackageView = Answer<'get', '/api/v1/packages/{id}'>;
export type PackageContent = PackageView['content'][number];
export type ShipmentSummary = Answer<'get', '/api/v1/shipments'>['items'][number];
export type ShipmentDetail = Answer<'get', '/api/v1/shipments/{id}'>;
export type ShipmentLine = ShipmentDetail['lines'][number];
export type ShipmentDocuments = Answer<'get', '/api/v1/shipments/{id}/documents'>;
