import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.ts';

/** What a write says about itself; the unit of work adds who, when and the chain. */
export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  /** Changed fields only: `{ field: { old, new } }` (see diffFields). */
  changes?: Record<string, unknown>;
  reason?: string | null;
  /** Present on electronically signed actions (21 CFR Part 11 §11.50). */
  signature?: { meaning: string; signerId: string; signerName: string; signedAt: string } | null;
}

/** One stored audit row, as hashed. */
export interface AuditRecord {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string;
  entityType: string;
  entityId: string;
  action: string;
  changes: Record<string, unknown>;
  reason: string | null;
  requestId: string | null;
  signature: AuditEntry['signature'] | null;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash covers every field of the record and the previous hash, so any edit breaks the chain. */
export function hashAuditRecord(r: AuditRecord): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        seq: r.seq,
        at: r.at,
        actorType: r.actorType,
        actorId: r.actorId,
        actorName: r.actorName,
        entityType: r.entityType,
        entityId: r.entityId,
        action: r.action,
        changes: r.changes,
        reason: r.reason,
        requestId: r.requestId,
        signature: r.signature,
        prevHash: r.prevHash,
      }),
    )
    .digest('hex');
}

/** The fields that differ between two versions of a record, as `{ field: { old, new } }`. */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Record<string, { old?: unknown; new?: unknown }> {
  const out: Record<string, { old?: unknown; new?: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    const o = before?.[k];
    const n = after?.[k];
    if (canonicalJson(o) === canonicalJson(n)) continue;
    const change: { old?: unknown; new?: unknown } = {};
    if (before && k in before) change.old = o ?? null;
    if (after && k in after) change.new = n ?? null;
    out[k] = change;
  }
  return out;
}
