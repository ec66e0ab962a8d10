import type { Facts, Firing, Rule, RuleResult, RuleSetRef } from './rule-types.ts';
import { evaluateCondition, type Trace } from './evaluate-condition.ts';

/**
 * Runs every enabled rule of a rule set over an order's facts: order-scoped rules once, line
 * rules once per line (with `line` bound to it). Returns what fired and, for the evaluation view,
 * every rule's result with the facts it read. Pure and synchronous: no I/O, no clock.
 */
export function evaluateRules(ruleSet: RuleSetRef & { rules: readonly Rule[] }, facts: Facts): { firings: Firing[]; results: RuleResult[] } {
  const firings: Firing[] = [];
  const results: RuleResult[] = [];
  const run = (rule: Rule, scoped: Facts, lineNo: number | null) => {
    const trace: Trace = {};
    try {
      const fired = evaluateCondition(rule.when, scoped, trace);
      results.push({ rule: rule.code, lineNo, fired, facts: trace });
      if (fired) firings.push({ rule: rule.code, ruleName: rule.name, ruleSet: { id: ruleSet.id, name: ruleSet.name, version: ruleSet.version }, lineNo, actions: rule.then, facts: trace });
    } catch (e) {
      results.push({ rule: rule.code, lineNo, fired: false, facts: trace, error: e instanceof Error ? e.message : String(e) });
    }
  };
  for (const rule of ruleSet.rules) {
    if (rule.enabled === false) continue;
    if (rule.scope === 'order') run(rule, facts, null);
    else for (const line of facts.lines ?? []) run(rule, { ...facts, line }, Number(line.lineNo ?? 0));
  }
  return { firings, results };
}
