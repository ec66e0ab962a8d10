/**
 * The picker reads a refused scan on the scanner: every refusal reason has an English and a
 * Chinese text. `{x}` placeholders are filled from the refusal's details.
 */
export const SCAN_REFUSALS = {
  unreadable: { en: 'the label cannot be read: {error}', zh: '无法识别的标签：{error}' },
  unknown_device: { en: 'this label names no device of the catalogue ({gtin})', zh: '该标签不对应任何目录中的器械（{gtin}）' },
  wrong_device: { en: 'device {device} is not on this pick list', zh: '器械 {device} 不在本拣货单上' },
  line_complete: { en: 'every line of device {device} is already fully picked', zh: '器械 {device} 的拣货行已全部拣完' },
  over_pick: { en: 'the scan counts {units} unit(s) but only {remaining} remain to pick', zh: '本次扫描计 {units} 件，但只剩 {remaining} 件待拣' },
  serial_per_unit: { en: 'device {device} is serial-tracked: scan each unit, not a pack', zh: '器械 {device} 按序列号管理：请逐件扫描，不能扫描整箱' },
  serial_missing: { en: 'device {device} is serial-tracked: the scan carries no serial (21)', zh: '器械 {device} 按序列号管理：扫描中没有序列号 (21)' },
  serial_quantity: { en: 'a serial is one unit: quantity must be 1', zh: '一个序列号即一件：数量必须为 1' },
  serial_unknown: { en: 'serial {serial} is not known in stock', zh: '序列号 {serial} 不在库存中' },
  serial_taken: { en: 'serial {serial} is already {status}', zh: '序列号 {serial} 已是{status}状态' },
  serial_other_lot: { en: 'serial {serial} belongs to another lot than {lot}', zh: '序列号 {serial} 不属于批号 {lot}' },
  lot_missing: { en: 'device {device} is lot-tracked: the scan carries no lot (10)', zh: '器械 {device} 按批号管理：扫描中没有批号 (10)' },
  lot_unknown: { en: 'lot {lot} of device {device} is not known', zh: '器械 {device} 的批号 {lot} 不存在' },
  label_expired: { en: 'the label says it expires on {expiry}, not after the ship date {shipDate}', zh: '标签有效期 {expiry} 不晚于发货日 {shipDate}，已过期' },
  LOT_EXPIRED: { en: 'lot {lot} expires on {expiry}: expired on the ship date {shipDate}', zh: '批号 {lot} 有效期至 {expiry}，在发货日 {shipDate} 已过期' },
  LOT_RECALLED: { en: 'lot {lot} is recalled: it may not be picked', zh: '批号 {lot} 已召回，不得拣货' },
  LOT_NOT_RELEASED: { en: 'lot {lot} is {status}, not released', zh: '批号 {lot} 状态为 {status}，未放行' },
  SHELF_LIFE_TOO_SHORT: { en: 'lot {lot} leaves less shelf life than the customer requires', zh: '批号 {lot} 剩余效期不足客户要求' },
  no_free_stock: { en: 'lot {lot} is not allocated and has no {units} free unit(s) in this warehouse to substitute', zh: '批号 {lot} 未分配，且本仓没有 {units} 件可用库存可替代' },
} as const;

export type RefusalReason = keyof typeof SCAN_REFUSALS;

const fill = (text: string, vars: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? `{${k}}`));

export function refusalText(reason: RefusalReason, vars: Record<string, string | number>): { en: string; zh: string } {
  const t = SCAN_REFUSALS[reason];
  return { en: fill(t.en, vars), zh: fill(t.zh, vars) };
}

/** 'zh' when the picker reads Chinese: the Accept-Language header first, then the user's locale. */
export function pickLanguage(acceptLanguage: string | undefined, locale: string): 'zh' | 'en' {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase();
  if (first) return first.startsWith('zh') ? 'zh' : 'en';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
