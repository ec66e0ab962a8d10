import type { Sql } from '../../db/types.ts';
import type { Rule, RuleSetRef } from './rule-types.ts';
import { DEFAULT_RULES } from './default-rule-set.ts';

export type LoadedRuleSet = RuleSetRef & { rules: Rule[] };

/** Until an administrator saves a rule set, the built-in rules apply, named as such. */
export const BUILT_IN: LoadedRuleSet = { id: 'built-in', name: 'orders', version: 0, rules: DEFAULT_RULES };

/**
 * The rule set in force on `date`: the newest active version whose effective dates contain it,
 * else the built-in rules — a saved draft never leaves orders unchecked.
 */
export async function loadActiveRuleSet(tx: Sql, date: string, name = 'orders'): Promise<LoadedRuleSet> {
  const { rows } = await tx.query<LoadedRuleSet>(
    `SELECT id, name, version, rules FROM rule_sets
      WHERE name = $1 AND status = 'active' AND effective_from <= $2::date AND (effective_to IS NULL OR effective_to >= $2::date)
      ORDER BY version DESC LIMIT 1`,
    [name, date],
  );
  return rows[0] ?? BUILT_IN;
}
