import type { Rule } from './rule-types.ts';

/**
 * The built-in rules every new installation starts with; they are data like any other rule and
 * are edited, versioned and dry-run the same way. Facts are described in order-facts.ts.
 */
export const DEFAULT_RULES: Rule[] = [
  {
    code: 'credit.limit',
    name: { en: 'Exposure above the credit limit', zh: '信用敞口超过信用额度' },
    scope: 'order',
    when: { all: [{ exists: 'customer.creditLimitMinor' }, { cmp: '>', left: { fact: 'customer.exposureMinor' }, right: { fact: 'customer.creditLimitMinor' } }] },
    then: [{ type: 'hold', holdType: 'credit', releaseRoles: ['finance'],
      reason: { en: 'customer exposure (open receivables + open orders) is above the credit limit', zh: '客户信用敞口（应收+未结订单）超过信用额度' } }],
  },
  {
    code: 'credit.overdue',
    name: { en: 'Overdue invoices', zh: '存在逾期发票' },
    scope: 'order',
    when: { cmp: '>', left: { fact: 'customer.maxOverdueDays' }, right: { value: 60 } },
    then: [{ type: 'hold', holdType: 'credit', releaseRoles: ['finance'],
      reason: { en: 'the customer has invoices overdue by more than 60 days', zh: '客户有逾期超过60天的发票' } }],
  },
  {
    code: 'price.below_floor',
    name: { en: 'Price below the floor', zh: '价格低于最低限价' },
    scope: 'line',
    when: { all: [{ exists: 'line.floorMinor' }, { cmp: '<', left: { fact: 'line.unitPriceMinor' }, right: { fact: 'line.floorMinor' } }] },
    then: [{ type: 'require_approval', holdType: 'price', roles: ['sales'],
      reason: { en: 'a line is priced below its floor price', zh: '订单行价格低于最低限价' } }],
  },
  {
    code: 'price.no_agreed_price',
    name: { en: 'No agreed price', zh: '无协议价格' },
    scope: 'line',
    when: { cmp: '==', left: { fact: 'line.priceSource' }, right: { value: 'buyer' } },
    then: [{ type: 'require_approval', holdType: 'price', roles: ['sales'],
      reason: { en: 'a line carries the buyer’s own price: no contract or price list prices it', zh: '订单行采用客户报价：无合同或价目表价格' } }],
  },
  {
    code: 'price.discount',
    name: { en: 'Discount above 10 %', zh: '折扣超过10%' },
    scope: 'line',
    when: { cmp: '>', left: { fact: 'line.discountBp' }, right: { value: 1000 } },
    then: [{ type: 'require_approval', holdType: 'price', roles: ['sales'],
      reason: { en: 'a line is discounted more than 10 % off the list price', zh: '订单行折扣超过标准价10%' } }],
  },
  {
    code: 'price.discount_large',
    name: { en: 'Discount above 20 %', zh: '折扣超过20%' },
    scope: 'line',
    when: { cmp: '>', left: { fact: 'line.discountBp' }, right: { value: 2000 } },
    then: [{ type: 'require_approval', holdType: 'price', roles: ['sales', 'finance'],
      reason: { en: 'a line is discounted more than 20 %: sales and finance approve', zh: '订单行折扣超过20%，需销售与财务审批' } }],
  },
  {
    code: 'contract.not_on_contract',
    name: { en: 'Device not on the customer’s contract', zh: '产品不在客户合同内' },
    scope: 'line',
    when: { all: [{ cmp: '==', left: { fact: 'customer.hasContract' }, right: { value: true } }, { cmp: '==', left: { fact: 'line.onContract' }, right: { value: false } }] },
    then: [{ type: 'hold', holdType: 'contract', releaseRoles: ['sales'],
      reason: { en: 'a device is not on the customer’s valid contract', zh: '产品不在客户有效合同范围内' } }],
  },
  {
    code: 'compliance.licence',
    name: { en: 'Customer licence missing, expired or out of scope', zh: '客户资质缺失、过期或范围不符' },
    scope: 'line',
    when: { cmp: 'in', left: { fact: 'line.compliance' }, right: { value: ['LICENCE_MISSING', 'LICENCE_EXPIRED', 'LICENCE_SCOPE'] } },
    then: [{ type: 'hold', holdType: 'compliance', releaseRoles: ['quality'],
      reason: { en: 'the customer may not receive this device on the ship date (licence)', zh: '客户在发货日不具备该产品的经营/使用资质' } }],
  },
  {
    code: 'compliance.registration',
    name: { en: 'Device registration expired', zh: '产品注册证过期' },
    scope: 'line',
    when: { cmp: '==', left: { fact: 'line.compliance' }, right: { value: 'REGISTRATION_EXPIRED' } },
    then: [{ type: 'hold', holdType: 'compliance', releaseRoles: ['quality'],
      reason: { en: 'the device’s registration certificate has expired on the ship date', zh: '产品注册证在发货日已过期' } }],
  },
  {
    code: 'compliance.cold_chain',
    name: { en: 'Cold-chain device to a ship-to without cold chain', zh: '冷链产品发往无冷链收货能力的地址' },
    scope: 'line',
    when: { all: [{ cmp: '==', left: { fact: 'line.coldChain' }, right: { value: true } }, { cmp: '==', left: { fact: 'shipTo.coldChainCapable' }, right: { value: false } }] },
    then: [{ type: 'hold', holdType: 'compliance', releaseRoles: ['quality'],
      reason: { en: 'a cold-chain device goes to a ship-to that cannot receive cold-chain goods', zh: '冷链产品的收货地址不具备冷链收货能力' } }],
  },
  {
    code: 'compliance.serial_capture',
    name: { en: 'Customer needs serials, device not serial-tracked', zh: '客户要求序列号但产品未按序列号管理' },
    scope: 'line',
    when: { all: [{ cmp: '==', left: { fact: 'customer.requiresSerialCapture' }, right: { value: true } }, { cmp: '==', left: { fact: 'line.trackingMode' }, right: { value: 'lot' } }] },
    then: [{ type: 'hold', holdType: 'compliance', releaseRoles: ['quality'],
      reason: { en: 'the customer requires serial capture but the device is tracked by lot only', zh: '客户要求记录序列号，但该产品仅按批号管理' } }],
  },
  {
    code: 'anomaly.high_severity',
    name: { en: 'High-severity intake alert', zh: '高风险订单预警' },
    scope: 'order',
    when: { cmp: '>', left: { count: 'alerts', where: { cmp: '==', left: { fact: 'item.severity' }, right: { value: 'high' } } }, right: { value: 0 } },
    then: [{ type: 'hold', holdType: 'anomaly', releaseRoles: ['customer_service'],
      reason: { en: 'a high-severity intake alert needs customer service review', zh: '高风险预警需客服复核' } }],
  },
];
