import type { DocLine, LotDocument, ShipmentDocData } from './shipment-doc-data.ts';

export interface ComplianceDevice {
  deviceCode: string;
  nameZh: string;
  nameEn: string | null;
  deviceClass: DocLine['deviceClass'];
  registrationKind: DocLine['registrationKind'];
  registrationNumber: string | null;
  registrationExpiresOn: string | null;
  registrant: string | null;
}

/** A document as quoted: its reference and, when known, the day it was issued. */
export interface DocReference {
  reference: string;
  issuedOn: string | null;
}

export interface ComplianceLot {
  deviceCode: string;
  nameZh: string;
  lotNumber: string;
  manufacturedOn: string | null;
  expiresOn: string;
  quantity: number;
  certificates: DocReference[];
  inspections: DocReference[];
  others: DocReference[];
  /** Both the certificate of conformity and the inspection report are on file. */
  complete: boolean;
}

export interface ComplianceModel {
  devices: ComplianceDevice[];
  lots: ComplianceLot[];
}

const refs = (docs: readonly LotDocument[], kinds: ReadonlyArray<LotDocument['kind']>): DocReference[] =>
  docs.filter((d) => kinds.includes(d.kind)).map((d) => ({ reference: d.reference, issuedOn: d.issuedOn }));

/**
 * The compliance bundle: each device's registration certificate (or filing) and, per lot shipped,
 * its certificate of conformity and inspection report — the papers a hospital's receiving check
 * (验收) asks for. A lot lacking one is listed as missing, never left out.
 */
export function complianceModel(data: Pick<ShipmentDocData, 'lines' | 'lotDocuments'>): ComplianceModel {
  const devices = new Map<string, ComplianceDevice>();
  const lots = new Map<string, ComplianceLot>();
  for (const line of data.lines) {
    if (!devices.has(line.deviceId)) {
      devices.set(line.deviceId, {
        deviceCode: line.deviceCode, nameZh: line.nameZh, nameEn: line.nameEn, deviceClass: line.deviceClass,
        registrationKind: line.registrationKind, registrationNumber: line.registrationNumber,
        registrationExpiresOn: line.registrationExpiresOn, registrant: line.registrant,
      });
    }
    const lot = lots.get(line.lotId);
    if (lot) {
      lot.quantity += line.quantity;
      continue;
    }
    const docs = data.lotDocuments.filter((d) => d.lotId === line.lotId);
    const certificates = refs(docs, ['certificate_of_conformity']);
    const inspections = refs(docs, ['inspection_report']);
    lots.set(line.lotId, {
      deviceCode: line.deviceCode, nameZh: line.nameZh, lotNumber: line.lotNumber, manufacturedOn: line.manufacturedOn,
      expiresOn: line.expiresOn, quantity: line.quantity, certificates, inspections,
      others: refs(docs, ['test_report', 'other']), complete: certificates.length > 0 && inspections.length > 0,
    });
  }
  return { devices: [...devices.values()], lots: [...lots.values()] };
}
