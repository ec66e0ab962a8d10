import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { customerFilter, orgFilter } from '../../platform/org-scope.ts';
import { ageReceivables, type Aging } from './aging.ts';
import { loadOpenItems } from './open-items.ts';

export interface AgingReport {
  today: string;
  customers: Array<Aging & { customerId: string; code: string; nameZh: string }>;
  total: Aging;
}

/** Receivables of every customer the actor may see with money open, aged into current / 1–30 / 31–60 / 61–90 / 90+. */
export async function agingReport(tx: Sql, actor: Actor, today: string): Promise<AgingReport> {
  const items = await loadOpenItems(tx, orgFilter(actor), today, customerFilter(actor));
  const ids = [...new Set(items.map((i) => i.customerId))];
  const names = await tx.query<{ id: string; code: string; nameZh: string }>('SELECT id, code, name_zh AS "nameZh" FROM parties WHERE id = ANY($1::uuid[])', [ids]);
  const customers = names.rows
    .map((c) => ({ customerId: c.id, code: c.code, nameZh: c.nameZh, ...ageReceivables(items.filter((i) => i.customerId === c.id), today) }))
    .sort((a, b) => b.overdueMinor - a.overdueMinor || a.code.localeCompare(b.code));
  return { today, customers, total: ageReceivables(items, today) };
}
