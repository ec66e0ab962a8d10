import type { ExceptionKind, PlanException } from './planning-types.ts';

type Details = Record<string, unknown>;

/** The message a planner reads for each exception, in both languages, from its details. */
const TEXT: Record<ExceptionKind, (ref: string, d: Details) => { en: string; zh: string }> = {
  late: (ref, d) => ({
    en: `${ref} is needed on ${String(d.neededOn)} but can be ready on ${String(d.earliest)} at the earliest (lead time ${String(d.leadDays)} days)`,
    zh: `${ref} 需求日期为 ${String(d.neededOn)}，按提前期 ${String(d.leadDays)} 天最早 ${String(d.earliest)} 才能就绪`,
  }),
  expedite: (ref, d) => ({
    en: `expedite ${ref} from ${String(d.from)} to ${String(d.to)}`,
    zh: `请将 ${ref} 从 ${String(d.from)} 提前至 ${String(d.to)}`,
  }),
  cancel: (ref, d) => ({
    en: `${ref} (${String(d.quantity)} units due ${String(d.date)}) serves no demand: consider cancelling it`,
    zh: `${ref}（${String(d.quantity)} 件，${String(d.date)} 到货）无对应需求，建议取消`,
  }),
  excess: (ref, d) => ({
    en: `${ref} brings ${String(d.excess)} of ${String(d.quantity)} units more than needed: consider reducing it`,
    zh: `${ref} 的 ${String(d.quantity)} 件中有 ${String(d.excess)} 件超出需求，建议减少数量`,
  }),
  shelf_life: (ref, d) => ({
    en: `${String(d.quantity)} units of planned order ${ref} would expire on ${String(d.expiresOn)} before later demand could use them`,
    zh: `计划订单 ${ref} 中 ${String(d.quantity)} 件将于 ${String(d.expiresOn)} 过期，后续需求无法使用`,
  }),
  no_bom: (ref) => ({
    en: `device ${ref} is made but has no active bill of material: its components are not planned`,
    zh: `产品 ${ref} 为自制件但没有生效的物料清单，未计划其组件`,
  }),
  no_routing: (ref) => ({
    en: `device ${ref} is made but has neither a routing nor a lead time: planned with lead time 0`,
    zh: `产品 ${ref} 为自制件但既无工艺路线也无提前期，按 0 天提前期计划`,
  }),
};

export function planException(kind: ExceptionKind, deviceId: string, refType: string, refId: string, details: Details): PlanException {
  const ref = `${refType} ${refId}`;
  return { kind, deviceId, refType, refId, details, ...TEXT[kind](ref, details) };
}
