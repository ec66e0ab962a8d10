import type { BinInput, WarehouseInput, ZoneInput } from '../modules/warehouses/warehouse-schemas.ts';
import { demoGln } from './demo-gs1-keys.ts';

const zone = (code: string, nameZh: string, nameEn: string, zoneType: ZoneInput['zoneType'], storageCondition: ZoneInput['storageCondition']): ZoneInput =>
  ({ code, nameZh, nameEn, zoneType, storageCondition });

/** `count` bins of a zone along the pick path, numbered from `first`. */
const bins = (zoneCode: string, prefix: string, count: number, first: number): BinInput[] =>
  Array.from({ length: count }, (_, i) => ({ code: `${prefix}-${String(i + 1).padStart(2, '0')}`, zoneCode, pickSequence: first + i * 10 }));

/** Every warehouse has saleable normal and cold-chain stock, and the quarantine, returns and rejected zones GSP asks for. */
const GSP_ZONES = [
  zone('A', '常温合格品区', 'Normal stock', 'normal', 'ambient'),
  zone('B', '阴凉合格品区', 'Cool stock (below 25 °C)', 'normal', 'below_25C'),
  zone('C', '冷藏合格品区', 'Cold chain 2–8 °C', 'cold_chain', '2-8C'),
  zone('Q', '待验区', 'Quarantine (awaiting release)', 'quarantine', 'ambient'),
  zone('QC', '冷藏待验区', 'Cold quarantine 2–8 °C', 'quarantine', '2-8C'),
  zone('R', '退货区', 'Returns', 'returns', 'ambient'),
  zone('X', '不合格品区', 'Rejected', 'rejected', 'ambient'),
];

const GSP_BINS = [
  ...bins('A', 'A-01', 8, 100), ...bins('B', 'B-01', 4, 200), ...bins('C', 'C-01', 6, 300), ...bins('Q', 'Q-01', 2, 900),
  ...bins('QC', 'QC-01', 2, 910), ...bins('R', 'R-01', 2, 920), ...bins('X', 'X-01', 1, 930),
];

/** Two warehouses: the Shanghai hub (with a freezer for the frozen controls) and the Guangzhou branch. */
export const DEMO_WAREHOUSES: WarehouseInput[] = [
  {
    code: 'WH-SH', nameZh: '上海浦东中心仓', nameEn: 'Shanghai Pudong hub', addressLine: '浦东新区川沙路1999号', city: '上海', province: '上海',
    postcode: '201210', gln: demoGln(101),
    zones: [...GSP_ZONES, zone('F', '冷冻合格品区', 'Frozen −25…−15 °C', 'cold_chain', 'frozen')],
    bins: [...GSP_BINS, ...bins('F', 'F-01', 2, 400)],
  },
  {
    code: 'WH-GZ', nameZh: '广州白云分仓', nameEn: 'Guangzhou Baiyun branch', addressLine: '白云区太和镇医药物流园8号', city: '广州', province: '广东',
    postcode: '510540', gln: demoGln(102), zones: GSP_ZONES, bins: GSP_BINS,
  },
];
