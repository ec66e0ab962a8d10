import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import type { Rule } from './rule-types.ts';
import { BUILT_IN } from './load-active-rule-set.ts';

export interface RuleSetDraft {
  name?: string;
  effectiveFrom: string;
  effectiveTo?: string;
  notes?: string;
  rules: Rule[];
}

const COLUMNS = `id, name, version, status, effective_from AS "effectiveFrom", effective_to AS "effectiveTo", notes,
  created_by AS "createdBy", created_at AS "createdAt", activated_by AS "activatedBy", activated_at AS "activatedAt"`;

export async function listRuleSets(tx: Sql, name = 'orders') {
  const { rows } = await tx.query(`SELECT ${COLUMNS}, jsonb_array_length(rules) AS "ruleCount" FROM rule_sets WHERE name = $1 ORDER BY version DESC`, [name]);
  return { items: rows, builtIn: { name: BUILT_IN.name, version: 0, rules: BUILT_IN.rules } };
}

export async function getRuleSet(tx: Sql, id: string) {
  const { rows } = await tx.query(`SELECT ${COLUMNS}, rules FROM rule_sets WHERE id = $1`, [id]);
  if (!rows[0]) throw notFound('rule set', id);
  return rows[0];
}

/** Saves a new version as a draft: versions are never edited, a change is the next version. */
export function createRuleSetVersion(db: Database, actor: Actor, input: RuleSetDraft, requestId: string | null) {
  const name = input.name ?? 'orders';
  const codes = new Set<string>();
  input.rules.forEach((r, i) => {
    if (codes.has(r.code)) throw invalid(`rules.${i}.code`, `rule code ${r.code} appears twice`);
    codes.add(r.code);
  });
  if (input.effectiveTo && input.effectiveTo < input.effectiveFrom) throw invalid('effectiveTo', 'must not be before effectiveFrom');
  return writeTx(db, { actor, requestId }, async (w) => {
    await w.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rule_sets:${name}`]);
    const { rows } = await w.tx.query<{ v: number }>('SELECT coalesce(max(version), 0) + 1 AS v FROM rule_sets WHERE name = $1', [name]);
    const version = rows[0]!.v;
    const id = uuidv7();
    await w.tx.query(
      `INSERT INTO rule_sets (id, name, version, effective_from, effective_to, rules, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, name, version, input.effectiveFrom, input.effectiveTo ?? null, JSON.stringify(input.rules), input.notes ?? null, actor.name],
    );
    w.audit({ entityType: 'rule_set', entityId: id, action: 'created',
      changes: { name: { new: name }, version: { new: version }, rules: { new: input.rules.map((r) => r.code) } } });
    return { id, name, version, status: 'draft' };
  });
}

/** Activates a draft; from its effective date it replaces the version before it, which is retired. */
export function activateRuleSet(db: Database, actor: Actor, id: string, requestId: string | null) {
  return writeTx(db, { actor, requestId }, async (w) => {
    const { rows } = await w.tx.query<{ name: string; version: number; status: string }>('SELECT name, version, status FROM rule_sets WHERE id = $1 FOR UPDATE', [id]);
    const set = rows[0];
    if (!set) throw notFound('rule set', id);
    if (set.status !== 'draft') throw new DomainError('INVALID_STATE', `rule set version ${set.version} is ${set.status}; only a draft is activated`);
    const retired = await w.tx.query<{ id: string; version: number }>(
      `UPDATE rule_sets SET status = 'retired' WHERE name = $1 AND status = 'active' RETURNING id, version`, [set.name]);
    await w.tx.query(`UPDATE rule_sets SET status = 'active', activated_by = $2, activated_at = now() WHERE id = $1`, [id, actor.name]);
    w.audit({ entityType: 'rule_set', entityId: id, action: 'activated', changes: { status: { old: 'draft', new: 'active' },
      retired: { new: retired.rows.map((r) => r.version) } } });
    w.emit({ topic: 'rule_set.activated', entityType: 'rule_set', entityId: id, payload: { name: set.name, version: set.version } });
    return { id, name: set.name, version: set.version, status: 'active', retired: retired.rows.map((r) => r.version) };
  });
}
