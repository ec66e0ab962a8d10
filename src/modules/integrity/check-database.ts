import type { Database } from '../../db/types.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { verifyAuditChain } from '../../platform/audit/verify-audit-chain.ts';
import { verifyLedger } from '../inventory/verify-ledger.ts';
import { INVARIANT_CHECKS, type InvariantCheck } from './invariant-checks.ts';

/** Breaching rows shown per check; the count is always the full number. */
const SAMPLE = 20;

export interface CheckResult {
  name: string;
  invariant: number | null;
  severity: InvariantCheck['severity'];
  description: string;
  ok: boolean;
  count: number;
  sample: unknown[];
}

export interface CheckReport {
  /** False when any check of severity 'breach' found a row. Warnings do not make it false. */
  ok: boolean;
  checkedAt: string;
  checks: CheckResult[];
}

const ledgerCheck: Omit<InvariantCheck, 'sql'> = {
  name: 'ledger_equals_balances', invariant: 7, severity: 'breach',
  description: 'each lot and bin’s balance equals the sum of its moves, and its allocated units equal its open allocations',
};
const auditCheck: Omit<InvariantCheck, 'sql'> = {
  name: 'audit_chain', invariant: 5, severity: 'breach', description: 'the audit trail’s hash chain verifies end to end',
};

const result = (c: Omit<InvariantCheck, 'sql'>, rows: unknown[]): CheckResult => ({
  name: c.name, invariant: c.invariant, severity: c.severity, description: c.description,
  ok: rows.length === 0, count: rows.length, sample: rows.slice(0, SAMPLE),
});

/**
 * Verifies every invariant of DESIGN.md §5 that data can show, on a live database: the stock
 * checks in one repeatable-read snapshot (so concurrent writers cannot make a sound database look
 * broken), then the audit chain in its own snapshot.
 */
export async function checkDatabase(db: Database): Promise<CheckReport> {
  const checks = await readTx(db, async (tx) => {
    const out = [result(ledgerCheck, await verifyLedger(tx))];
    for (const c of INVARIANT_CHECKS) out.push(result(c, (await tx.query(c.sql)).rows));
    return out;
  }, { isolation: 'repeatable read' });
  const chain = await verifyAuditChain(db);
  checks.push(result(auditCheck, chain.ok ? [] : [{ brokenSeq: chain.brokenSeq, reason: chain.reason }]));
  return {
    ok: checks.every((c) => c.ok || c.severity === 'warning'),
    checkedAt: new Date().toISOString(),
    checks,
  };
}
