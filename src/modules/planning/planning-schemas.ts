import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';
import { doc } from '../../platform/schema-doc.ts';

/** One schema per input: it validates API bodies and CLI input, and feeds the OpenAPI document. */
const closed = { additionalProperties: false } as const;
const uuid = (en: string, zh: string) => Type.String({ format: 'uuid', ...doc(en, zh) });
const code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$', ...doc('code, unique', '编码') });
const revision = Type.String({ minLength: 1, maxLength: 10, pattern: '^[A-Za-z0-9._-]+$', ...doc('revision, e.g. A', '版本') });
const priority = Type.Integer({ minimum: 1, maximum: 5, ...doc('1 = most urgent … 5', '优先级（1最高）') });

export const CalendarDayInput = Type.Object({
  date: DateString({ description: 'the day this entry overrides' }),
  holiday: Type.Optional(Type.Boolean(doc('no work that day', '节假日'))),
  shifts: Type.Optional(Type.Integer({ minimum: 0, maximum: 3, ...doc('shifts worked that day', '班次数') })),
  minutesPerShift: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440, ...doc('working minutes per shift', '每班分钟数', 'min') })),
  note: Type.Optional(Type.String({ maxLength: 200 })),
}, { ...closed, ...doc('a dated exception to the normal week: holiday or different shifts', '日历例外（节假日/加班）') });
export type CalendarDayInput = Static<typeof CalendarDayInput>;

export const CalendarInput = Type.Object({
  days: Type.Array(CalendarDayInput, { minItems: 1, maxItems: 1000 }),
}, closed);
export type CalendarInput = Static<typeof CalendarInput>;

export const WorkCentreInput = Type.Object({
  code,
  nameZh: Type.String({ minLength: 1, maxLength: 100, ...doc('name in Chinese', '中文名称') }),
  nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 100, ...doc('name in English', '英文名称') })),
  workingWeekdays: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7, uniqueItems: true, ...doc('ISO weekdays worked (1 = Monday)', '工作日（1=周一）') })),
  shifts: Type.Optional(Type.Integer({ minimum: 0, maximum: 3, ...doc('shifts on a working day', '每日班次数') })),
  minutesPerShift: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440, ...doc('working minutes per shift', '每班分钟数', 'min') })),
  calendar: Type.Optional(Type.Array(CalendarDayInput, { maxItems: 1000, ...doc('holidays and extra shifts', '日历例外') })),
}, { ...closed, ...doc('a work centre and its capacity', '工作中心') });
export type WorkCentreInput = Static<typeof WorkCentreInput>;

export const WorkCentrePatch = Type.Object({
  nameZh: Type.Optional(WorkCentreInput.properties.nameZh),
  nameEn: Type.Optional(WorkCentreInput.properties.nameEn),
  workingWeekdays: Type.Optional(WorkCentreInput.properties.workingWeekdays),
  shifts: Type.Optional(WorkCentreInput.properties.shifts),
  minutesPerShift: Type.Optional(WorkCentreInput.properties.minutesPerShift),
  active: Type.Optional(Type.Boolean(doc('an inactive centre takes no new routings and is not scheduled', '启用'))),
}, { ...closed, minProperties: 1, ...doc('changes to a work centre’s name, week or shifts', '工作中心修改') });
export type WorkCentrePatch = Static<typeof WorkCentrePatch>;

export const BomInput = Type.Object({
  deviceId: uuid('the device made (make_or_buy = make)', '成品/半成品'),
  revision: Type.Optional(revision),
  lines: Type.Array(Type.Object({
    componentDeviceId: uuid('the component device', '组件'),
    quantityPer: Type.Integer({ minimum: 1, maximum: 1_000_000, ...doc('base units of the component per unit made', '单位用量') }),
  }, closed), { minItems: 1, maxItems: 500 }),
}, { ...closed, ...doc('a bill of material; saving a revision makes it the active one', '物料清单') });
export type BomInput = Static<typeof BomInput>;

export const RoutingInput = Type.Object({
  deviceId: uuid('the device made', '产品'),
  revision: Type.Optional(revision),
  operations: Type.Array(Type.Object({
    seq: Type.Integer({ minimum: 1, maximum: 9999, ...doc('operation number, in the order done', '工序号') }),
    workCentreId: uuid('where it is done', '工作中心'),
    description: Type.Optional(Type.String({ maxLength: 200 })),
    setupMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, ...doc('set-up time per work order', '准备时间', 'min') })),
    runMinutesPerUnit: Type.Number({ minimum: 0, maximum: 10_000, multipleOf: 0.0001, ...doc('run time per unit', '单件加工时间', 'min') }),
  }, closed), { minItems: 1, maxItems: 100 }),
}, { ...closed, ...doc('a routing: the operations that make a device', '工艺路线') });
export type RoutingInput = Static<typeof RoutingInput>;

export const PlanningParameterInput = Type.Object({
  safetyStock: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000, ...doc('units to keep on hand', '安全库存') })),
  minOrderQty: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000, ...doc('smallest order quantity', '最小订购量') })),
  orderMultiple: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000, ...doc('order quantities are multiples of this', '订购倍数') })),
  leadTimeDays: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 3650 }), Type.Null()], doc('lead time override, days', '提前期覆盖（天）'))),
  inspectionDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, ...doc('days of incoming inspection after arrival', '来料检验天数') })),
}, { ...closed, ...doc('planning parameters of a device', '计划参数') });
export type PlanningParameterInput = Static<typeof PlanningParameterInput>;

export const PriorityOverrideInput = Type.Object({
  priority,
  reason: Type.String({ minLength: 1, maxLength: 500, ...doc('why the planner changed it', '调整原因') }),
}, closed);
export type PriorityOverrideInput = Static<typeof PriorityOverrideInput>;

export const WorkOrderInput = Type.Object({
  deviceId: uuid('the device to make', '产品'),
  quantity: Type.Integer({ minimum: 1, maximum: 10_000_000, ...doc('units to make', '数量') }),
  dueDate: DateString({ description: 'when it must be complete' }),
  priority: Type.Optional(priority),
  notes: Type.Optional(Type.String({ maxLength: 1000 })),
}, { ...closed, ...doc('a work order entered by hand', '生产工单') });
export type WorkOrderInput = Static<typeof WorkOrderInput>;

export const FirmInput = Type.Object({
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000, ...doc('quantity to firm, when different', '确认数量') })),
  dueDate: Type.Optional(DateString({ description: 'due date to firm, when different' })),
}, closed);
export type FirmInput = Static<typeof FirmInput>;

export const RunInput = Type.Object({
  horizonDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730, default: 180, ...doc('days of demand to plan', '计划期（天）') })),
}, closed);
export type RunInput = Static<typeof RunInput>;

export const ScheduleInput = Type.Object({
  startDate: Type.Optional(DateString({ description: 'first day to schedule (default today)' })),
  horizonDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730, default: 365, ...doc('days an operation may be placed in', '排程期（天）') })),
}, closed);
export type ScheduleInput = Static<typeof ScheduleInput>;

export const LoadQuery = Type.Object({
  workCentreId: Type.Optional(uuid('one work centre', '工作中心')),
  from: Type.Optional(DateString({ description: 'first day' })),
  to: Type.Optional(DateString({ description: 'last day' })),
});
export type LoadQuery = Static<typeof LoadQuery>;
