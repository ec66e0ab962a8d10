import { bpToPercent, formatMinor } from './money.ts';
import type { ListPriceChoice } from './select-price.ts';
import type { Channel, ContractFacts, PriceBreak, PriceNotFound, QuoteExplanation, QuoteLineInput } from './types.ts';

/**
 * The sentences that tell a user why a line got its price, in English and Chinese. They are shown
 * in the UI and stored on the order line, so they name the list, contract, break and discount.
 */
const CHANNEL_ZH: Record<Channel, string> = { api: 'API', edi: 'EDI', portal: '门户', sales: '销售', forecast: '预测' };

const money = (minor: number, currency: string): string => `${formatMinor(minor, currency)} ${currency}`;

const validityEn = (r: { validFrom: string; validTo: string | null }): string =>
  r.validTo === null ? `valid from ${r.validFrom}` : `valid ${r.validFrom} to ${r.validTo}`;
const validityZh = (r: { validFrom: string; validTo: string | null }): string =>
  r.validTo === null ? `自 ${r.validFrom} 起有效` : `有效期 ${r.validFrom} 至 ${r.validTo}`;

const channelEn = (c: Channel | null): string => (c === null ? 'all channels' : `${c} channel`);
const channelZh = (c: Channel | null): string => (c === null ? '所有渠道' : `${CHANNEL_ZH[c]}渠道`);

export function explainContractPrice(contract: ContractFacts, unitPriceMinor: number, currency: string): QuoteExplanation {
  const price = money(unitPriceMinor, currency);
  return {
    en: `Contract price: contract ${contract.contractNo} (${channelEn(contract.channel)}, ${validityEn(contract)}) sets ${price} per unit.`,
    zh: `合同价：合同 ${contract.contractNo}（${channelZh(contract.channel)}，${validityZh(contract)}）约定单价 ${price}。`,
    contractNo: contract.contractNo,
  };
}

export interface ListPriceStory {
  choice: ListPriceChoice;
  quantity: number;
  priceBreak: PriceBreak | null;
  discount: (ContractFacts & { discountBp: number }) | null;
  unitPriceMinor: number;
  currency: string;
}

export function explainListPrice(s: ListPriceStory): QuoteExplanation {
  const { list } = s.choice;
  const listMinor = s.priceBreak?.unitPriceMinor ?? s.choice.price.unitPriceMinor;
  const scopeEn = `${list.customerId === null ? 'all customers' : 'this customer'}, ${channelEn(list.channel)}, ${validityEn(list)}`;
  const scopeZh = `${list.customerId === null ? '适用所有客户' : '本客户专用'}，${channelZh(list.channel)}，${validityZh(list)}`;
  let en = s.priceBreak
    ? `Quantity break: price list ${list.code} (${scopeEn}) gives ${money(listMinor, s.currency)} per unit from ${s.priceBreak.minQuantity} units; ${s.quantity} ordered`
    : `List price: price list ${list.code} (${scopeEn}) gives ${money(listMinor, s.currency)} per unit`;
  let zh = s.priceBreak
    ? `数量阶梯价：价目表 ${list.code}（${scopeZh}）自 ${s.priceBreak.minQuantity} 件起单价 ${money(listMinor, s.currency)}，本次数量 ${s.quantity}`
    : `价目表价：价目表 ${list.code}（${scopeZh}）单价 ${money(listMinor, s.currency)}`;
  const explanation: QuoteExplanation = { en: '', zh: '', priceListCode: list.code };
  if (s.priceBreak) explanation.breakMinQty = s.priceBreak.minQuantity;
  if (s.discount) {
    const pct = bpToPercent(s.discount.discountBp);
    en += `; contract ${s.discount.contractNo} discount ${pct}% gives ${money(s.unitPriceMinor, s.currency)}`;
    zh += `；按合同 ${s.discount.contractNo} 优惠 ${pct}% 后为 ${money(s.unitPriceMinor, s.currency)}`;
    explanation.contractNo = s.discount.contractNo;
    explanation.discountBp = s.discount.discountBp;
  }
  explanation.en = `${en}.`;
  explanation.zh = `${zh}。`;
  return explanation;
}

export function explainNotFound(input: QuoteLineInput, currency: string, otherCurrency: boolean): PriceNotFound {
  const where = `${input.date}, ${channelEn(input.channel)}`;
  const whereZh = `${input.date}，${channelZh(input.channel)}`;
  return otherCurrency
    ? {
        error: {
          code: 'PRICE_NOT_FOUND',
          reason: 'currency_mismatch',
          message: `Device ${input.deviceId} has prices for this customer (${where}) only in currencies other than the customer's ${currency}.`,
          zh: `器械 ${input.deviceId} 对该客户（${whereZh}）只有非 ${currency}（客户结算币种）的价格。`,
        },
      }
    : {
        error: {
          code: 'PRICE_NOT_FOUND',
          reason: 'no_price',
          message: `No contract or price list prices device ${input.deviceId} for this customer in ${currency} (${where}).`,
          zh: `没有合同或价目表为该客户给出器械 ${input.deviceId} 的 ${currency} 价格（${whereZh}）。`,
        },
      };
}
