/** A party as the API shows it (sensitive fields excluded). */
export interface PartyView {
  id: string;
  code: string;
  kind: 'customer' | 'supplier' | 'carrier';
  customerType: 'hospital' | 'distributor' | 'dealer' | null;
  nameZh: string;
  nameEn: string | null;
  creditCode: string | null;
  paymentTermsDays: number;
  creditLimitMinor: number | null;
  currency: string;
  priorityTier: number;
  minShelfLifeDays: number | null;
  minShelfLifePct: number | null;
  requiresSerialCapture: boolean;
  leadTimeDays: number | null;
  notes: string | null;
  active: boolean;
  version: number;
  source: string;
  sourceRef: string | null;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PARTY_COLUMNS = `p.id, p.code, p.kind, p.customer_type AS "customerType", p.name_zh AS "nameZh",
  p.name_en AS "nameEn", p.credit_code AS "creditCode", p.payment_terms_days AS "paymentTermsDays",
  p.credit_limit_minor AS "creditLimitMinor", p.currency, p.priority_tier AS "priorityTier",
  p.min_shelf_life_days AS "minShelfLifeDays", p.min_shelf_life_pct AS "minShelfLifePct",
  p.requires_serial_capture AS "requiresSerialCapture", p.lead_time_days AS "leadTimeDays", p.notes, p.active, p.version, p.source,
  p.source_ref AS "sourceRef", p.created_by AS "createdBy", p.updated_by AS "updatedBy",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
