import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';
import { doc } from '../../platform/schema-doc.ts';

const closed = { additionalProperties: false } as const;
const uuid = (en: string, zh: string) => Type.String({ format: 'uuid', ...doc(en, zh) });
const IDENTIFIER = '^[!-~]{1,20}$';

export const IssueLineInput = Type.Object({
  binId: uuid('the bin the component is taken from', '发料货位'),
  scan: Type.Optional(Type.String({ minLength: 1, maxLength: 300, ...doc('the component’s UDI label as scanned', '扫描的组件UDI标签') })),
  lotId: Type.Optional(uuid('the component lot, when not scanned', '组件批次')),
  quantity: Type.Integer({ minimum: 1, maximum: 10_000_000, ...doc('units issued, in base units', '发料数量（最小单位）', 'base unit') }),
}, { ...closed, ...doc('units of one component lot issued from a bin: scanned, or by lot id', '发料明细') });

export const IssueInput = Type.Object({
  lines: Type.Array(IssueLineInput, { minItems: 1, maxItems: 200 }),
}, { ...closed, ...doc('components issued to a work order', '工单发料') });
export type IssueInput = Static<typeof IssueInput>;

export const OutputInput = Type.Object({
  binId: uuid('the bin the produced units are put in', '入库货位'),
  lotNumber: Type.String({ pattern: IDENTIFIER, ...doc('the lot number of the units made', '生产批号') }),
  quantity: Type.Integer({ minimum: 1, maximum: 10_000_000, ...doc('units made, in base units', '产出数量（最小单位）', 'base unit') }),
  manufacturedOn: Type.Optional(DateString({ description: 'manufacture date (default: today); the expiry follows from it' })),
  serials: Type.Optional(Type.Array(Type.String({ pattern: IDENTIFIER }), { maxItems: 10_000, uniqueItems: true, ...doc('one serial per unit for serial-tracked devices', '序列号') })),
}, { ...closed, ...doc('output of a work order: a new lot into quarantine', '工单产出报工') });
export type OutputInput = Static<typeof OutputInput>;
