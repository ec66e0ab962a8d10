import { Type, type Static } from 'typebox';
import { doc } from '../../platform/schema-doc.ts';
import { MAX_BATCH_SCANS } from './scan-pick-batch.ts';

/** 50,000 labels of up to 400 characters, JSON-quoted: the batch route's own body limit. */
export const BATCH_BODY_LIMIT = 24 * 1024 * 1024;

export const BatchScanBody = Type.Object({
  scans: Type.Array(Type.String({ minLength: 1, maxLength: 400 }), {
    minItems: 1, maxItems: MAX_BATCH_SCANS,
    ...doc('labels as scanned, in scanning order; each is judged as if scanned alone after the ones before it, and a refused label does not stop the others',
      '按扫描顺序的标签；逐个判定，被拒的标签不影响其他标签'),
  }),
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, ...doc('packages (or loose units of a lot-tracked device) each label counts; default 1', '每个标签的数量') })),
}, { additionalProperties: false });
export type BatchScanBody = Static<typeof BatchScanBody>;
