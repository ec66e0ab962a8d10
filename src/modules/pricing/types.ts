/** The facts pricing decides on, and what a quote says. Money is integer minor units. */
export const CHANNELS = ['api', 'edi', 'portal', 'sales', 'forecast'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface PriceListFacts {
  id: string;
  code: string;
  currency: string;
  /** null: every channel */
  channel: Channel | null;
  /** null: every customer */
  customerId: string | null;
  validFrom: string;
  /** null: open-ended */
  validTo: string | null;
  active: boolean;
}

export interface PriceBreak {
  minQuantity: number;
  unitPriceMinor: number;
}

/** A device's price on one list: the base price (from 1 unit), its quantity breaks and floor. */
export interface ListPriceFacts {
  priceListId: string;
  deviceId: string;
  unitPriceMinor: number;
  floorMinor: number | null;
  breaks: PriceBreak[];
}

export interface ContractFacts {
  id: string;
  contractNo: string;
  customerId: string;
  channel: Channel | null;
  currency: string;
  validFrom: string;
  validTo: string | null;
  active: boolean;
  /** The list the discount is limited to; null: any list. */
  priceListId: string | null;
  /** Discount in basis points (850 = 8.5 %), or null when the contract gives no discount. */
  discountBp: number | null;
}

export interface ContractPriceFacts {
  contractId: string;
  deviceId: string;
  unitPriceMinor: number;
}

/** Everything needed to quote any number of lines for one customer. */
export interface PricingData {
  customer: { id: string; currency: string };
  priceLists: PriceListFacts[];
  listPrices: ListPriceFacts[];
  contracts: ContractFacts[];
  contractPrices: ContractPriceFacts[];
}

export interface QuoteLineInput {
  deviceId: string;
  /** base units, ≥ 1 */
  quantity: number;
  /** 'YYYY-MM-DD': the day prices must be valid on */
  date: string;
  /** null: a request from no particular channel; only channel-neutral prices apply */
  channel: Channel | null;
}

export type PriceSource = 'contract' | 'price_list' | 'break';

export interface QuoteExplanation {
  en: string;
  zh: string;
  contractNo?: string;
  priceListCode?: string;
  breakMinQty?: number;
  discountBp?: number;
}

export interface LineQuote {
  unitPriceMinor: number;
  currency: string;
  source: PriceSource;
  explanation: QuoteExplanation;
  belowFloor: boolean;
  floorMinor?: number;
}

export interface PriceNotFound {
  error: {
    code: 'PRICE_NOT_FOUND';
    /** no_price: nothing prices the device; currency_mismatch: only prices in another currency */
    reason: 'no_price' | 'currency_mismatch';
    message: string;
    zh: string;
  };
}

export type QuoteOutcome = LineQuote | PriceNotFound;

export const isPriceNotFound = (o: QuoteOutcome): o is PriceNotFound => 'error' in o;
