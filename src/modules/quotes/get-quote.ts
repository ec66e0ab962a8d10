import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible, orgFilter } from '../../platform/org-scope.ts';

export interface QuoteView {
  id: string;
  number: string;
  revision: number;
  status: string;
  customerId: string;
  customerCode: string;
  customerNameZh: string;
  customerNameEn: string | null;
  currency: string;
  quoteDate: string;
  validUntil: string;
  orderId: string | null;
  notes: string | null;
  createdBy: string | null;
  lines: Array<{ lineNo: number; deviceId: string; deviceCode: string; nameZh: string; nameEn: string | null; registrationNumber: string | null;
    uom: string; uomQuantity: number; quantity: number; unitPriceMinor: number; amountMinor: number; explanation: Record<string, unknown> }>;
  totalMinor: number;
  revisions: Array<{ id: string; revision: number; status: string }>;
}

export async function getQuote(tx: Sql, actor: Actor, id: string): Promise<QuoteView> {
  const { rows } = await tx.query<Omit<QuoteView, 'lines' | 'totalMinor' | 'revisions'>>(
    `SELECT q.id, q.number, q.revision, q.status, q.customer_id AS "customerId", c.code AS "customerCode", c.name_zh AS "customerNameZh",
            c.name_en AS "customerNameEn", q.currency, q.quote_date AS "quoteDate", q.valid_until AS "validUntil",
            q.order_id AS "orderId", q.notes, q.created_by AS "createdBy"
       FROM quotes q JOIN parties c ON c.id = q.customer_id WHERE q.id = $1`, [id]);
  const head = rows[0];
  if (!head) throw notFound('quote', id);
  assertVisible(actor, head.customerId, 'quote', id);
  const [lines, revisions] = await Promise.all([
    tx.query<QuoteView['lines'][number]>(
      `SELECT l.line_no AS "lineNo", l.device_id AS "deviceId", d.code AS "deviceCode", d.name_zh AS "nameZh", d.name_en AS "nameEn",
              d.registration_number AS "registrationNumber", l.uom, l.uom_qty AS "uomQuantity", l.quantity,
              l.unit_price_minor AS "unitPriceMinor", (l.quantity * l.unit_price_minor) AS "amountMinor", l.explanation
         FROM quote_lines l JOIN devices d ON d.id = l.device_id WHERE l.quote_id = $1 ORDER BY l.line_no`, [id]),
    tx.query<QuoteView['revisions'][number]>('SELECT id, revision, status FROM quotes WHERE number = $1 ORDER BY revision', [head.number]),
  ]);
  return { ...head, lines: lines.rows, totalMinor: lines.rows.reduce((s, l) => s + l.amountMinor, 0), revisions: revisions.rows };
}

export async function listQuotes(tx: Sql, actor: Actor, f: { customerId?: string; status?: string; limit: number; offset: number }) {
  const { rows } = await tx.query(
    `SELECT q.id, q.number, q.revision, q.status, c.code AS "customerCode", q.currency, q.valid_until AS "validUntil", q.order_id AS "orderId",
            (SELECT coalesce(sum(quantity * unit_price_minor), 0) FROM quote_lines WHERE quote_id = q.id) AS "totalMinor"
       FROM quotes q JOIN parties c ON c.id = q.customer_id
      WHERE ($1::uuid IS NULL OR q.customer_id = $1) AND ($2::uuid IS NULL OR q.customer_id = $2) AND ($3::text IS NULL OR q.status = $3)
      ORDER BY q.created_at DESC LIMIT $4 OFFSET $5`,
    [orgFilter(actor), f.customerId ?? null, f.status ?? null, f.limit, f.offset]);
  return { items: rows, limit: f.limit, offset: f.offset };
}
