import type { ContractPriceInput } from '../modules/pricing/contract-schemas.ts';
import type { PriceListInput, PriceListLineInput } from '../modules/pricing/price-list-schemas.ts';
import { dayOffset } from './demo-dates.ts';

/** Domestic list prices in fen per base unit: [device code, price, floor]. */
const CNY_PRICES: ReadonlyArray<readonly [string, number, number?]> = [
  ['LL-DES-3018', 70_000, 65_000], ['LL-DES-3523', 70_000, 65_000], ['LL-PTCA-2520', 29_800], ['LL-GW-014', 48_000],
  ['LL-CVC-7F', 28_000], ['LL-UC-16F', 800], ['LL-HIP-STEM3', 720_000, 680_000], ['LL-PLATE-L8', 350_000], ['LL-SCREW-6540', 78_000],
  ['LL-KNEE-F4', 860_000], ['LL-IVD-CTNI', 180_000], ['LL-IVD-HBSAG', 45_000], ['LL-IVD-COV2AG', 6_000], ['LL-IVD-HBA1C', 60_000],
  ['LL-IVD-GLU', 30_000], ['LL-QC-CTNI', 50_000], ['LL-SYR-5ML', 35, 28], ['LL-SYR-10ML', 45, 36], ['LL-SYR-INS1', 60],
  ['LL-NDL-07', 12], ['LL-INF-SET', 150], ['LL-GAUZE-75', 15], ['LL-GAUZE-S10', 60], ['LL-BAND-EL', 450], ['LL-DRESS-FILM', 180],
  ['LL-MASK-SURG', 50, 38], ['LL-MASK-KN95', 300], ['LL-MASK-DISP', 20], ['LL-GLOVE-M', 60], ['LL-GOWN-ISO', 900],
  ['LL-SCAL-H4', 2_500], ['LL-FORC-H16', 6_800], ['LL-SCIS-T18', 7_200], ['LL-NH-14', 6_500], ['LL-BLADE-23', 80],
  ['LL-SUT-PGA30', 2_800], ['LL-BPM-ARM', 19_900], ['LL-THERM-IR', 9_900], ['LL-SPO2-FT', 12_900],
];

/** Quantity breaks (base units → fen) on the high-volume consumables. */
const BREAKS: Readonly<Record<string, PriceListLineInput['breaks']>> = {
  'LL-SYR-5ML': [{ minQuantity: 2_000, unitPriceMinor: 32 }, { minQuantity: 20_000, unitPriceMinor: 29 }],
  'LL-SYR-10ML': [{ minQuantity: 1_200, unitPriceMinor: 42 }, { minQuantity: 12_000, unitPriceMinor: 38 }],
  'LL-MASK-SURG': [{ minQuantity: 2_000, unitPriceMinor: 45 }, { minQuantity: 20_000, unitPriceMinor: 40 }],
  'LL-GLOVE-M': [{ minQuantity: 1_000, unitPriceMinor: 55 }],
};

/** Export prices in euro cents for the German distributor. */
const EUR_PRICES: ReadonlyArray<readonly [string, number]> = [
  ['LL-SYR-5ML', 6], ['LL-SYR-10ML', 8], ['LL-MASK-SURG', 9], ['LL-MASK-KN95', 45], ['LL-GLOVE-M', 9], ['LL-BPM-ARM', 2_490], ['LL-SPO2-FT', 1_590],
];

export interface DemoIds {
  devices: ReadonlyMap<string, string>;
  parties: ReadonlyMap<string, string>;
}

const line = (ids: DemoIds, code: string, unitPriceMinor: number, floorMinor?: number, breaks?: PriceListLineInput['breaks']): PriceListLineInput => ({
  deviceId: ids.devices.get(code)!, unitPriceMinor, ...(floorMinor ? { floorMinor } : {}), ...(breaks ? { breaks } : {}),
});

/** The domestic list (with quantity breaks and floors) and the euro export list of one customer. */
export function demoPriceLists(ids: DemoIds, today: string): PriceListInput[] {
  return [
    {
      code: 'PL-CN-STD', name: '国内标准价目表 2026', currency: 'CNY', validFrom: dayOffset(today, -90), validTo: dayOffset(today, 275),
      lines: CNY_PRICES.map(([code, price, floor]) => line(ids, code, price, floor, BREAKS[code])),
    },
    {
      code: 'PL-EU-MEDTRADE', name: 'Export price list MedTrade GmbH', currency: 'EUR', validFrom: dayOffset(today, -30),
      customerId: ids.parties.get('X-DE-MED')!, lines: EUR_PRICES.map(([code, price]) => line(ids, code, price)),
    },
  ];
}

/** A hospital's net-price contract (stents, reagents) and a distributor's 8.5 % discount on the domestic list. */
export function demoContracts(ids: DemoIds, today: string, domesticListId: string): ContractPriceInput[] {
  const net = (code: string, unitPriceMinor: number) => ({ deviceId: ids.devices.get(code)!, unitPriceMinor });
  return [
    {
      contractNo: 'HT-2026-XH-001', customerId: ids.parties.get('H-BJ-XH')!, validFrom: dayOffset(today, -60), validTo: dayOffset(today, 305),
      prices: [net('LL-DES-3018', 66_500), net('LL-DES-3523', 66_500), net('LL-IVD-CTNI', 168_000), net('LL-SYR-5ML', 30)],
    },
    {
      contractNo: 'HT-2026-KM-002', customerId: ids.parties.get('D-GD-KM')!, validFrom: dayOffset(today, -30), validTo: dayOffset(today, 335),
      priceListId: domesticListId, discountPercent: '8.5',
    },
  ];
}
