/**
 * Everything a shipment's documents and its ASN say, as plain data: loaded once by
 * `loadShipmentDocData`, then turned into PDFs and EDI messages by pure code.
 */

export interface DocParty {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
}

export interface DocAddress {
  name: string;
  line1: string;
  city: string | null;
  province: string | null;
  postcode: string | null;
  /** ISO 3166 alpha-2. */
  country: string;
  gln: string | null;
}

/** One row of what left: a lot (and serial) of an order line in a package. */
export interface DocLine {
  lineNo: number;
  deviceId: string;
  deviceCode: string;
  nameZh: string;
  nameEn: string | null;
  deviceClass: 'I' | 'II' | 'III';
  registrationKind: 'registration' | 'filing' | null;
  registrationNumber: string | null;
  registrationExpiresOn: string | null;
  registrant: string | null;
  hsCode: string | null;
  countryOfOrigin: string | null;
  baseUnit: string;
  /** GTIN-14 of the device's `each` level: the UDI-DI of one unit. */
  eachGtin: string | null;
  buyerItem: string | null;
  lotId: string;
  lotNumber: string;
  manufacturedOn: string | null;
  expiresOn: string;
  serial: string | null;
  packageId: string | null;
  sscc: string | null;
  quantity: number;
  /** Per base unit, in minor units of the order's currency. */
  unitPriceMinor: number;
}

export interface DocPackage {
  id: string;
  sscc: string;
  weightG: number | null;
}

export interface LotDocument {
  lotId: string;
  kind: 'certificate_of_conformity' | 'inspection_report' | 'test_report' | 'other';
  reference: string;
  issuedOn: string | null;
}

export interface Permit {
  kind: 'export' | 'import';
  reference: string;
  authority: string | null;
  validTo: string | null;
}

export interface ShipmentDocData {
  shipment: {
    id: string;
    number: string;
    carrier: string;
    trackingNumber: string;
    status: string;
    /** The business day it left (China Standard Time), YYYY-MM-DD. */
    shipDate: string;
    shippedAt: string;
    deliveredOn: string | null;
  };
  order: {
    id: string;
    number: string;
    version: number;
    externalPo: string | null;
    /** The order's date (submitted, else created), YYYY-MM-DD. */
    orderDate: string;
    currency: string;
    incoterms: string | null;
  };
  customer: DocParty;
  shipTo: DocAddress | null;
  shipFrom: DocAddress & { nameEn: string | null };
  lines: DocLine[];
  packages: DocPackage[];
  lotDocuments: LotDocument[];
  /** Export and import permits valid on the ship date for the ship-to country (exports only). */
  permits: Permit[];
}
