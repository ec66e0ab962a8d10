import type { PartyInput } from '../modules/parties/party-schemas.ts';
import { demoGln } from './demo-gs1-keys.ts';

/** Demo customers: hospitals, distributors and dealers across China, one abroad. */
const CUSTOMERS: PartyInput[] = [
  {
    code: 'H-BJ-XH', kind: 'customer', customerType: 'hospital', nameZh: '北京协和医院', nameEn: 'Peking Union Medical College Hospital',
    paymentTermsDays: 90, creditLimitMinor: 500_000_00, priorityTier: 1, minShelfLifeDays: 180, requiresSerialCapture: true,
    addresses: [
      { code: 'MAIN', kind: 'ship_to', name: '设备科库房', line1: '东城区帅府园1号', city: '北京', province: '北京', postcode: '100730', coldChainCapable: true, isDefault: true },
      { code: 'BILL', kind: 'bill_to', name: '财务处', line1: '东城区帅府园1号', city: '北京', province: '北京' },
    ],
    contacts: [{ name: '刘主任', role: '设备科', phone: '010-6915 0000', email: 'equipment@example.cn' }],
    identifiers: [{ scheme: 'GLN', value: '6901234000016' }],
  },
  {
    code: 'H-SH-RJ', kind: 'customer', customerType: 'hospital', nameZh: '上海瑞金医院', nameEn: 'Ruijin Hospital Shanghai',
    paymentTermsDays: 60, creditLimitMinor: 300_000_00, priorityTier: 2, minShelfLifePct: 50,
    addresses: [{ code: 'MAIN', kind: 'ship_to', name: '器械库', line1: '黄浦区瑞金二路197号', city: '上海', province: '上海', coldChainCapable: false, isDefault: true }],
    identifiers: [{ scheme: 'GLN', value: '6901234000023' }],
  },
  {
    code: 'D-GD-KM', kind: 'customer', customerType: 'distributor', nameZh: '广东康明医疗器械有限公司', nameEn: 'Guangdong Kangming Medical Devices Co.',
    creditCode: '91440101MA5CXXXX0X'.replace(/X/g, '1'), paymentTermsDays: 45, creditLimitMinor: 2_000_000_00, priorityTier: 2,
    minShelfLifeDays: 365, bankDetails: '中国工商银行广州分行 6222 0000 1111 2222',
    addresses: [{ code: 'DC1', kind: 'ship_to', name: '广州配送中心', line1: '白云区太和镇医药物流园', city: '广州', province: '广东', coldChainCapable: true, isDefault: true }],
    contacts: [{ name: '陈经理', role: '采购', phone: '020-3888 0000', email: 'purchase@kangming.example.cn' }],
    identifiers: [{ scheme: 'GLN', value: '6901234000030' }, { scheme: 'DUNS', value: '654321987' }],
  },
  {
    code: 'D-ZJ-HX', kind: 'customer', customerType: 'dealer', nameZh: '杭州华信医疗用品商行', nameEn: 'Hangzhou Huaxin Medical Supplies',
    paymentTermsDays: 30, creditLimitMinor: 50_000_00, priorityTier: 4,
    addresses: [{ code: 'SHOP', kind: 'ship_to', name: '门店仓', line1: '拱墅区湖州街88号', city: '杭州', province: '浙江', isDefault: true }],
  },
  {
    code: 'X-DE-MED', kind: 'customer', customerType: 'distributor', nameZh: '德国麦德贸易', nameEn: 'MedTrade GmbH',
    currency: 'EUR', paymentTermsDays: 60, creditLimitMinor: 100_000_00, priorityTier: 3,
    addresses: [{ code: 'HAM', kind: 'ship_to', name: 'Lager Hamburg', line1: 'Am Sandtorkai 1', city: 'Hamburg', postcode: '20457', country: 'DE', isDefault: true }],
    identifiers: [{ scheme: 'GLN', value: '4012345000009' }],
  },
  {
    code: 'H-GZ-ZS1', kind: 'customer', customerType: 'hospital', nameZh: '中山大学附属第一医院', nameEn: 'First Affiliated Hospital of Sun Yat-sen University',
    paymentTermsDays: 90, creditLimitMinor: 400_000_00, priorityTier: 1, minShelfLifeDays: 120,
    addresses: [{ code: 'MAIN', kind: 'ship_to', name: '医学装备部库房', line1: '越秀区中山二路58号', city: '广州', province: '广东', postcode: '510080', coldChainCapable: true, isDefault: true }],
    identifiers: [{ scheme: 'GLN', value: demoGln(4) }],
  },
  {
    code: 'H-CD-HX', kind: 'customer', customerType: 'hospital', nameZh: '四川大学华西医院', nameEn: 'West China Hospital, Sichuan University',
    paymentTermsDays: 120, creditLimitMinor: 250_000_00, priorityTier: 2, minShelfLifePct: 60,
    addresses: [{ code: 'MAIN', kind: 'ship_to', name: '设备物资部', line1: '武侯区国学巷37号', city: '成都', province: '四川', postcode: '610041', coldChainCapable: true, isDefault: true }],
  },
  {
    code: 'D-SH-YL', kind: 'customer', customerType: 'distributor', nameZh: '上海医联器械配送有限公司', nameEn: 'Shanghai Yilian Device Distribution Co.',
    paymentTermsDays: 60, creditLimitMinor: 1_500_000_00, priorityTier: 2, minShelfLifeDays: 270,
    addresses: [{ code: 'DC1', kind: 'ship_to', name: '浦东物流中心', line1: '浦东新区康桥东路1号', city: '上海', province: '上海', coldChainCapable: true, isDefault: true }],
    identifiers: [{ scheme: 'GLN', value: demoGln(5) }],
  },
  {
    code: 'D-JS-KN', kind: 'customer', customerType: 'dealer', nameZh: '南京康宁医疗器械经营部', nameEn: 'Nanjing Kangning Medical Devices',
    paymentTermsDays: 30, creditLimitMinor: 30_000_00, priorityTier: 5,
    addresses: [{ code: 'SHOP', kind: 'ship_to', name: '门店', line1: '鼓楼区中山北路200号', city: '南京', province: '江苏', isDefault: true }],
  },
];

/** Where the demo buys what it does not make: a domestic maker and two foreign ones. */
const SUPPLIERS: PartyInput[] = [
  {
    code: 'S-SZ-KT', kind: 'supplier', nameZh: '苏州康泰医疗器械有限公司', nameEn: 'Suzhou Kangtai Medical Devices Co.', paymentTermsDays: 60, leadTimeDays: 30,
    addresses: [{ code: 'WORKS', kind: 'bill_to', name: '财务部', line1: '工业园区星湖街218号', city: '苏州', province: '江苏' }],
    identifiers: [{ scheme: 'GLN', value: demoGln(6) }],
  },
  {
    code: 'S-DE-OT', kind: 'supplier', nameZh: '奥索泰克有限公司', nameEn: 'Orthotec GmbH', currency: 'EUR', paymentTermsDays: 45, leadTimeDays: 60,
    addresses: [{ code: 'HQ', kind: 'bill_to', name: 'Buchhaltung', line1: 'Industriestraße 12', city: 'Tuttlingen', postcode: '78532', country: 'DE' }],
  },
  {
    code: 'S-US-RV', kind: 'supplier', nameZh: '瑞景骨科公司', nameEn: 'Ridgeview Orthopedics Inc.', currency: 'USD', paymentTermsDays: 45, leadTimeDays: 75,
    addresses: [{ code: 'HQ', kind: 'bill_to', name: 'Accounts receivable', line1: '400 Commerce Drive', city: 'Warsaw', province: 'IN', postcode: '46580', country: 'US' }],
  },
];

/** A carrier with a cold-chain service (2–8 °C) and a normal one. */
const CARRIERS: PartyInput[] = [
  {
    code: 'C-SD-YY', kind: 'carrier', nameZh: '顺达医药物流有限公司', nameEn: 'Shunda Pharma Logistics Co.', paymentTermsDays: 30,
    carrierServices: [
      { code: 'COLD-2-8', name: '医药冷链 2–8 °C 次日达', transitDays: 1, coldChainCapable: true },
      { code: 'STD', name: '医药普货 标准快运', transitDays: 2, coldChainCapable: false },
      { code: 'ECON', name: '经济陆运', transitDays: 4, coldChainCapable: false, active: false },
    ],
  },
];

export const DEMO_PARTIES: PartyInput[] = [...CUSTOMERS, ...SUPPLIERS, ...CARRIERS];
