import type { PartyInput } from '../modules/parties/party-schemas.ts';

/** Demo customers: hospitals, distributors and dealers across China, one abroad. */
export const DEMO_CUSTOMERS: PartyInput[] = [
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
];
