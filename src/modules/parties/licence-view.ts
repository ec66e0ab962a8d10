import type { LicenceType } from './licence-schemas.ts';
import type { RecordStamp } from '../../platform/record-stamp.ts';

/** A licence as the API shows it. */
export interface LicenceView extends RecordStamp {
  id: string;
  partyId: string;
  licenceType: LicenceType;
  number: string;
  deviceClasses: string[];
  categoryCodes: string[];
  validFrom: string;
  validTo: string | null;
  issuingAuthority: string | null;
  documentRef: string | null;
}

export const LICENCE_COLUMNS = `l.id, l.party_id AS "partyId", l.licence_type AS "licenceType", l.number,
  l.device_classes AS "deviceClasses", l.category_codes AS "categoryCodes", l.valid_from AS "validFrom",
  l.valid_to AS "validTo", l.issuing_authority AS "issuingAuthority", l.document_ref AS "documentRef", l.version,
  l.source, l.source_ref AS "sourceRef", l.created_by AS "createdBy", l.updated_by AS "updatedBy",
  l.created_at AS "createdAt", l.updated_at AS "updatedAt"`;
