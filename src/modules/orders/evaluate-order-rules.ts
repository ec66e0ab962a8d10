import type { Sql } from '../../db/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { evaluateRules } from '../rules/evaluate-rules.ts';
import { loadActiveRuleSet, type LoadedRuleSet } from '../rules/load-active-rule-set.ts';
import type { Facts, Firing, HoldType, Message } from '../rules/rule-types.ts';
import { gatherOrderFacts } from './gather-order-facts.ts';
import { newHoldId } from './apply-order-command.ts';
import type { OrderCommand } from './order-machine.ts';

export interface RuleOutcome {
  holds: Array<OrderCommand & { origin: Record<string, unknown> }>;
  notifications: Array<{ roles: string[]; message: Message; rule: string }>;
  paymentTerms: string | null;
  firings: Firing[];
}

/** Groups what fired into one hold per type, each naming its rules, rule-set version and facts. */
export function holdsFromFirings(firings: readonly Firing[]): RuleOutcome['holds'] {
  const byType = new Map<HoldType, Array<{ f: Firing; reason: Message; roles: string[]; approval: boolean }>>();
  for (const f of firings) {
    for (const a of f.actions) {
      if (a.type !== 'hold' && a.type !== 'require_approval') continue;
      const list = byType.get(a.holdType) ?? [];
      list.push({ f, reason: a.reason, roles: a.type === 'hold' ? (a.releaseRoles ?? []) : a.roles, approval: a.type === 'require_approval' });
      byType.set(a.holdType, list);
    }
  }
  return [...byType].map(([holdType, causes]) => ({
    type: 'place_hold' as const,
    holdId: newHoldId(),
    holdType,
    reason: [...new Set(causes.map((c) => `${c.reason.en}${c.f.lineNo ? ` (line ${c.f.lineNo})` : ''}`))].join('; '),
    origin: {
      check: 'rules',
      zh: [...new Set(causes.map((c) => `${c.reason.zh}${c.f.lineNo ? `（第${c.f.lineNo}行）` : ''}`))].join('；'),
      // Every role named must approve (sequential steps come from the workflow definition).
      approvalRoles: [...new Set(causes.flatMap((c) => c.roles))],
      rules: causes.map((c) => ({ rule: c.f.rule, ruleSet: c.f.ruleSet, lineNo: c.f.lineNo, facts: c.f.facts })),
    },
  }));
}

/** What a rule run records for the order's evaluation view: every rule's result and the facts it read, and the alerts it raised. */
export interface Evaluation {
  id: string;
  ruleSet: { id: string; version: number };
  results: unknown;
  firings: Firing[];
  alerts: Array<{ id: string; lineNo: number | null; code: string; severity: string; en: string; zh: string; details: unknown }>;
}

export type RuleDecision = RuleOutcome & { evaluation: Evaluation };

/** Runs the rule set in force (or the one given) over an order's facts: what fired, and its evaluation to record. */
export async function decideOrderRules(tx: Sql, today: string, facts: Facts, ruleSet?: LoadedRuleSet): Promise<RuleDecision> {
  const set = ruleSet ?? (await loadActiveRuleSet(tx, today));
  const { firings, results } = evaluateRules(set, facts);
  const alerts = firings.flatMap((f) => f.actions.flatMap((a) => (a.type === 'alert' ? [{
    id: uuidv7(), lineNo: f.lineNo, code: a.code, severity: a.severity, en: a.message.en, zh: a.message.zh,
    details: { rule: f.rule, ruleSet: f.ruleSet, facts: f.facts },
  }] : [])));
  const terms = firings.flatMap((f) => f.actions.flatMap((a) => (a.type === 'set_field' ? [a.value] : [])));
  return {
    holds: holdsFromFirings(firings),
    notifications: firings.flatMap((f) => f.actions.flatMap((a) => (a.type === 'notify' ? [{ roles: a.roles, message: a.message, rule: f.rule }] : []))),
    paymentTerms: terms.at(-1) ?? null,
    firings,
    evaluation: { id: uuidv7(), ruleSet: { id: set.id, version: set.version }, results, firings, alerts },
  };
}

/**
 * The evaluation and the alerts it raises, as CTEs of a statement: `order` is the order id's SQL
 * (a parameter, or a column of a CTE `o` inserting the order), `param` adds a parameter.
 */
export function evaluationCtes(order: { id: string; from: string }, version: number, e: Evaluation, param: (v: unknown) => string): string {
  return `evaluation AS (
       INSERT INTO order_evaluations (id, order_id, order_version, rule_set_id, rule_set_version, results, firings)
       SELECT ${param(e.id)}::uuid, ${order.id}, ${param(version)}::int, ${param(e.ruleSet.id)}::text, ${param(e.ruleSet.version)}::int,
              ${param(JSON.stringify(e.results))}::jsonb, ${param(JSON.stringify(e.firings))}::jsonb ${order.from}
     ), evaluation_alerts AS (
       INSERT INTO order_alerts (id, order_id, line_no, code, severity, message_en, message_zh, details)
       SELECT r.id, ${order.id}, r."lineNo", r.code, r.severity, r.en, r.zh, r.details ${order.from ? `${order.from},` : 'FROM'}
              jsonb_to_recordset(${param(JSON.stringify(e.alerts))}::jsonb) AS r(id uuid, "lineNo" int, code text, severity text, en text, zh text, details jsonb)
     )`;
}

/**
 * Runs the active rule set over a stored order and records the evaluation (every rule's result
 * and the facts it read) for the order's evaluation view. Returns what fired; the alerts it adds
 * are written here.
 */
export async function evaluateOrderRules(
  tx: Sql,
  order: { id: string; version: number },
  dates: { shipDate: string; today: string },
  ruleSet?: LoadedRuleSet,
): Promise<RuleOutcome> {
  const facts = await gatherOrderFacts(tx, order.id, dates.shipDate, dates.today);
  const decided = await decideOrderRules(tx, dates.today, facts, ruleSet);
  const params: unknown[] = [order.id];
  const param = (v: unknown): string => `$${params.push(v)}`;
  await tx.query(`WITH ${evaluationCtes({ id: '$1::uuid', from: '' }, order.version, decided.evaluation, param)} SELECT 1`, params);
  return decided;
}
