import type { Bilingual, KpiName } from './kpi-types.ts';

/** What each KPI counts, in the words the console shows on hover (en and zh say the same). */
export const FORMULAS: Record<KpiName, Bilingual> = {
  otif: {
    en: 'OTIF = orders delivered in full and on time ÷ orders due in the period. Due date = the promised delivery date, else the requested date; on time = last proof of delivery on or before it; in full = every line delivered its ordered − cancelled quantity. Drafts and cancelled orders are left out.',
    zh: 'OTIF = 按时足额交付的订单数 ÷ 本期到期订单数。到期日 = 承诺交货日期，无承诺时取要求交货日期；按时 = 最后一次签收不晚于到期日；足额 = 每行已交付数量达到订购数量减取消数量。不含草稿和已取消订单。',
  },
  'perfect-order-rate': {
    en: 'Perfect order rate = orders that are on time and in full (as OTIF), with a certificate of conformity for every shipped lot, and with no return of reason "damaged" ÷ orders due in the period.',
    zh: '完美订单率 = 按时足额（同 OTIF）、每个已发货批次均有合格证、且没有原因为“损坏”的退货的订单数 ÷ 本期到期订单数。',
  },
  'order-error-rate': {
    en: 'Order error rate = orders amended after submission (version > 1) or with a return of reason "wrong_item" ÷ orders submitted in the period.',
    zh: '订单差错率 = 提交后被修改（版本 > 1）或有原因为“错发”的退货的订单数 ÷ 本期提交的订单数。',
  },
  'order-cycle-time': {
    en: 'Order cycle time, over orders submitted in the period: hours from submission to the last shipment (fully shipped orders) and to the last proof of delivery (fully delivered orders); p50 and p90 by nearest rank. value = p50 receipt → ship.',
    zh: '订单周期（本期提交的订单）：从提交到最后一次发货（已全部发货的订单）及到最后一次签收（已全部交付的订单）的小时数；p50、p90 取最近秩。value = 接单→发货的 p50。',
  },
  'auto-confirmed-share': {
    en: 'Auto-confirmed share = orders confirmed with no hold ever placed and no approval ever opened ÷ orders confirmed in the period.',
    zh: '自动确认占比 = 从未被暂停、从未发起审批而确认的订单数 ÷ 本期确认的订单数。',
  },
  'holds-by-type-age': {
    en: 'Open holds now, by hold type and by age since placed: < 1 day, 1–3 days, 3–7 days, ≥ 7 days. A snapshot: the period does not apply.',
    zh: '当前未解除的暂停，按类型及挂起时长分组：< 1 天、1–3 天、3–7 天、≥ 7 天。为当前快照，不受期间影响。',
  },
  'on-time-preparation': {
    en: 'On-time stock preparation = order lines fully packed with the last package packed on or before the promised ship date ÷ order lines whose promised ship date falls in the period.',
    zh: '备货及时率 = 全部装箱且最后一箱不晚于承诺发货日期装箱的订单行数 ÷ 承诺发货日期在本期内的订单行数。',
  },
  'inventory-by-expiry': {
    en: 'Units on hand now by shelf life left (expiry date − today): expired (< 0), < 30, < 90, < 180, ≥ 180 days. A snapshot: the period does not apply.',
    zh: '当前在库数量按剩余效期（有效期 − 今天）分组：已过期（< 0）、< 30、< 90、< 180、≥ 180 天。为当前快照，不受期间影响。',
  },
  'orders-by-channel': {
    en: 'Orders submitted in the period, counted by channel; numerator ÷ denominator = that channel\'s share.',
    zh: '本期提交的订单按渠道计数；分子 ÷ 分母 = 该渠道占比。',
  },
  'inventory-structure': {
    en: 'Units on hand now by device class, by category code and by lot status; each row\'s share = its units ÷ all units. A snapshot: the period does not apply.',
    zh: '当前在库数量按器械类别、分类编码、批次状态分组；各行占比 = 该行数量 ÷ 总数量。为当前快照，不受期间影响。',
  },
  'lot-quality': {
    en: 'Incoming inspection pass rate = inspections recorded in the period with defects ≤ the accept number ÷ inspections recorded in the period. Complaints per shipped lot = complaints naming a lot opened in the period ÷ distinct lots shipped in the period.',
    zh: '来料检验合格率 = 本期检验中缺陷数 ≤ 接收数的检验数 ÷ 本期检验数。每批投诉数 = 本期登记且指明批次的投诉数 ÷ 本期发货的不同批次数。',
  },
  wip: {
    en: 'Per work centre: WIP = units still to make on released / in-progress work orders routed through it (now); output = units reported by its work orders in the period; WIP turnover days = WIP ÷ (output ÷ days in the period). value = the same over the whole plant, each work order counted once.',
    zh: '按工作中心：在制 = 经过该中心、已下达或生产中的工单尚未完成的数量（当前）；产出 = 本期该中心工单报工数量；在制周转天数 = 在制 ÷（产出 ÷ 本期天数）。value 为全厂同口径数值，每张工单只计一次。',
  },
  'orders-at-risk': {
    en: 'Open order lines at risk of missing their promise, now: promised ship date within N days (or past) and not fully allocated or not fully picked, or promised delivery later than requested. Numerator ÷ denominator = at-risk lines ÷ open lines.',
    zh: '当前可能无法兑现承诺的未完成订单行：承诺发货日期在 N 天内（或已过）且未完全分配或未完全拣货，或承诺交货日期晚于要求日期。分子 ÷ 分母 = 有风险行数 ÷ 未完成行数。',
  },
};
