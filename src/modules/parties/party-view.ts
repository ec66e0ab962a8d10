import type { PartyRecord } from './party-record.ts';
import type { RecordStamp } from '../../platform/record-stamp.ts';

/** A party as the API shows it: its plain fields (sensitive ones excluded) and who made it, when. */
export interface PartyView extends PartyRecord, RecordStamp {
  id: string;
  code: string;
  kind: 'customer' | 'supplier' | 'carrier';
}

export const PARTY_COLUMNS = `p.id, p.code, p.kind, p.customer_type AS "customerType", p.name_zh AS "nameZh",
  p.name_en AS "nameEn", p.credit_code AS "creditCode", p.payment_terms_days AS "paymentTermsDays",
  p.credit_limit_minor AS "creditLimitMinor", p.currency, p.priority_tier AS "priorityTier",
  p.min_shelf_life_days AS "minShelfLifeDays", p.min_shelf_life_pct AS "minShelfLifePct",
  p.requires_serial_capture AS "requiresSerialCapture", p.lead_time_days AS "leadTimeDays", p.notes, p.active, p.version, p.source,
  p.source_ref AS "sourceRef", p.created_by AS "createdBy", p.updated_by AS "updatedBy",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
