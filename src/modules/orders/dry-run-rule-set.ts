import type { Database } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';
import { evaluateRules } from '../rules/evaluate-rules.ts';
import { loadActiveRuleSet, type LoadedRuleSet } from '../rules/load-active-rule-set.ts';
import { gatherOrderFacts } from './gather-order-facts.ts';
import { localToday } from './business-day.ts';

/**
 * What a rule set would have done to recent orders, beside what the active one does: the orders
 * whose holds would differ are listed. Read-only: nothing is placed or stored.
 */
export async function dryRunRuleSet(db: Database, ruleSetId: string, opts: { limit: number; today?: string }) {
  const today = opts.today ?? localToday();
  return db.transaction(async (tx) => {
    const c = await tx.query<LoadedRuleSet>('SELECT id, name, version, rules FROM rule_sets WHERE id = $1', [ruleSetId]);
    const candidate = c.rows[0];
    if (!candidate) throw notFound('rule set', ruleSetId);
    const active = await loadActiveRuleSet(tx, today, candidate.name);
    const orders = await tx.query<{ id: string; number: string; requestedDate: string | null }>(
      `SELECT id, number, requested_date AS "requestedDate" FROM orders WHERE lifecycle <> 'draft' ORDER BY created_at DESC LIMIT $1`,
      [opts.limit],
    );
    const changed = [];
    for (const o of orders.rows) {
      const facts = await gatherOrderFacts(tx, o.id, o.requestedDate ?? today, today);
      const now = holdTypes(evaluateRules(active, facts).firings);
      const then = holdTypes(evaluateRules(candidate, facts).firings);
      if (now.join() !== then.join()) changed.push({ orderId: o.id, number: o.number, holdsNow: now, holdsWithCandidate: then });
    }
    return { candidate: { id: candidate.id, version: candidate.version }, active: { id: active.id, version: active.version }, ordersChecked: orders.rows.length, changed };
  }, { readOnly: true });
}

const holdTypes = (firings: ReturnType<typeof evaluateRules>['firings']): string[] =>
  [...new Set(firings.flatMap((f) => f.actions.flatMap((a) => (a.type === 'hold' || a.type === 'require_approval' ? [a.holdType] : []))))].sort();
