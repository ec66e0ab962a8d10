import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { verifySignature } from '../inventory/verify-signature.ts';

export interface ReviewInput {
  password: string;
  meaning: string;
  /** What the reviewer counted, per order line; compared with the package's content. */
  checked?: Array<{ lineNo: number; quantity: number }>;
}

export interface ReviewedPackage {
  id: string;
  sscc: string;
  status: 'reviewed';
  reviewedBy: string;
  reviewedAt: string;
  reviewMeaning: string;
}

export interface ContentDifference {
  lineNo: number;
  packed: number;
  checked: number;
}

/** Lines where the count differs from the content (a line missing on either side counts as 0). */
export function compareContent(content: ReadonlyArray<{ lineNo: number; quantity: number }>, checked: ReadonlyArray<{ lineNo: number; quantity: number }>): ContentDifference[] {
  const sum = (rows: ReadonlyArray<{ lineNo: number; quantity: number }>) => rows.reduce((m, r) => m.set(r.lineNo, (m.get(r.lineNo) ?? 0) + r.quantity), new Map<number, number>());
  const packed = sum(content);
  const counted = sum(checked);
  return [...new Set([...packed.keys(), ...counted.keys()])].sort((a, b) => a - b)
    .map((lineNo) => ({ lineNo, packed: packed.get(lineNo) ?? 0, checked: counted.get(lineNo) ?? 0 }))
    .filter((d) => d.packed !== d.checked);
}

/**
 * The outbound review (出库复核): a second person — never one who picked a unit of the package —
 * checks the package against what was picked and signs (password re-entered, 21 CFR Part 11);
 * the signature is on the audit entry. Counted quantities that differ are refused with the
 * differences listed, and the refusal is audited.
 */
export async function reviewPackage(db: Database, actor: Actor, packageId: string, input: ReviewInput, requestId: string | null = null): Promise<ReviewedPackage> {
  if (!isUuid(packageId)) throw notFound('package', packageId);
  const pickers = await readTx(db, async (tx) => {
    const { rows: [pkg] } = await tx.query<{ customerId: string }>(
      'SELECT o.customer_id AS "customerId" FROM packages p JOIN orders o ON o.id = p.order_id WHERE p.id = $1', [packageId]);
    if (!pkg) throw notFound('package', packageId);
    assertVisible(actor, pkg.customerId, 'package', packageId);
    return (await tx.query<{ name: string; userId: string | null }>(
      'SELECT DISTINCT picked_by AS name, picked_by_user AS "userId" FROM picks WHERE package_id = $1', [packageId])).rows;
  });
  if (pickers.some((p) => (actor.userId !== null && p.userId === actor.userId) || (p.userId === null && p.name === actor.name))) {
    await writeTx(db, { actor, requestId }, async (w) => {
      w.audit({ entityType: 'package', entityId: packageId, action: 'review.refused', reason: 'the reviewer picked units of this package' });
    });
    throw new DomainError('FORBIDDEN', 'the outbound review is done by someone who did not pick the package / 出库复核须由非拣货人执行', { details: { reason: 'reviewer_is_picker' } });
  }
  const signature = await verifySignature(db, actor, input, { entityType: 'package', entityId: packageId, requestId });
  const outcome = await writeTx<{ reviewed: ReviewedPackage } | { differences: ContentDifference[] }>(db, { actor, requestId }, async (w) => {
    const { rows: [pkg] } = await w.tx.query<{ sscc: string; status: string }>('SELECT sscc, status FROM packages WHERE id = $1 FOR UPDATE', [packageId]);
    if (pkg!.status !== 'closed') throw new DomainError('INVALID_STATE', `package ${pkg!.sscc} is ${pkg!.status}: only a closed, unreviewed package is reviewed`, { details: { status: pkg!.status } });
    if (input.checked) {
      const content = (await w.tx.query<{ lineNo: number; quantity: number }>(
        'SELECT line_no AS "lineNo", sum(quantity)::int AS quantity FROM picks WHERE package_id = $1 GROUP BY line_no', [packageId])).rows;
      const differences = compareContent(content, input.checked);
      if (differences.length) {
        w.audit({ entityType: 'package', entityId: packageId, action: 'review.refused', reason: 'counted quantities differ from the content', changes: { differences: { new: differences } } });
        return { differences };
      }
    }
    const { rows: [r] } = await w.tx.query<{ reviewedAt: string }>(
      `UPDATE packages SET status = 'reviewed', reviewed_by = $2, reviewed_by_user = $3, reviewed_at = now(), review_meaning = $4
        WHERE id = $1 RETURNING reviewed_at AS "reviewedAt"`,
      [packageId, actor.name, actor.userId, input.meaning],
    );
    w.audit({ entityType: 'package', entityId: packageId, action: 'reviewed', signature, changes: { status: { old: 'closed', new: 'reviewed' } } });
    w.emit({ topic: 'package.reviewed', entityType: 'package', entityId: packageId, payload: { sscc: pkg!.sscc, reviewedBy: actor.name } });
    return { reviewed: { id: packageId, sscc: pkg!.sscc, status: 'reviewed', reviewedBy: actor.name, reviewedAt: r!.reviewedAt, reviewMeaning: input.meaning } };
  });
  if ('differences' in outcome) {
    const list = outcome.differences.map((d) => `line ${d.lineNo}: packed ${d.packed}, checked ${d.checked}`).join('; ');
    throw new DomainError('VALIDATION_FAILED', `checked: the counts differ from the package content (${list}) / 复核数量与包裹内容不符`, { field: 'checked', details: { differences: outcome.differences } });
  }
  return outcome.reviewed;
}
