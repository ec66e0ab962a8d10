/**
 * The arithmetic of an invoice or credit note, in integer minor units: line net = quantity × unit
 * price (exact), VAT computed once per rate on the sum of that rate's nets and rounded half-up
 * (away from zero), then shared out over the rate's lines by largest remainder so the lines add
 * up to the rate's VAT to the last fen. BigInt inside: quantity × price × rate can pass 2^53.
 */
export interface PricedLine {
  quantity: number;
  unitPriceMinor: number;
  vatCode: string;
  vatRateBp: number;
}

export interface ComputedLine extends PricedLine {
  netMinor: number;
  vatMinor: number;
}

export interface VatBreakdown {
  code: string;
  rateBp: number;
  netMinor: number;
  vatMinor: number;
}

export interface ComputedDocument {
  lines: ComputedLine[];
  vatBreakdown: VatBreakdown[];
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
}

const BP = 10_000n;

/** n / d rounded half away from zero (d > 0). */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  const sign = n < 0n ? -1n : 1n;
  const abs = n * sign;
  return sign * ((abs * 2n + d) / (2n * d));
}

const toSafe = (v: bigint): number => {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount out of range');
  return Number(v);
};

/**
 * `sign` 1 for an invoice, -1 for a credit note (quantities and prices stay positive on the
 * lines; the amounts carry the sign).
 */
export function computeDocument(lines: readonly PricedLine[], sign: 1 | -1 = 1): ComputedDocument {
  const nets = lines.map((l) => BigInt(sign) * BigInt(l.quantity) * BigInt(l.unitPriceMinor));
  const vats: bigint[] = nets.map(() => 0n);
  const groups = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const key = `${l.vatCode}/${l.vatRateBp}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const vatBreakdown: VatBreakdown[] = [];
  for (const indexes of groups.values()) {
    const { vatCode, vatRateBp } = lines[indexes[0]!]!;
    const rate = BigInt(vatRateBp);
    const groupNet = indexes.reduce((s, i) => s + nets[i]!, 0n);
    const groupVat = divRoundHalfUp(groupNet * rate, BP);
    // Truncated shares first, then the fen left over go to the largest remainders.
    const exact = indexes.map((i) => nets[i]! * rate);
    indexes.forEach((i, k) => (vats[i] = exact[k]! / BP));
    let left = groupVat - indexes.reduce((s, i) => s + vats[i]!, 0n);
    const step = left < 0n ? -1n : 1n;
    const order = indexes
      .map((i, k) => ({ i, rest: (exact[k]! % BP) * step }))
      .sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i));
    for (let k = 0; left !== 0n; k = (k + 1) % order.length) {
      const i = order[k]!.i;
      vats[i] = vats[i]! + step;
      left -= step;
    }
    vatBreakdown.push({ code: vatCode, rateBp: vatRateBp, netMinor: toSafe(groupNet), vatMinor: toSafe(groupVat) });
  }
  const netMinor = nets.reduce((s, n) => s + n, 0n);
  const vatMinor = vats.reduce((s, n) => s + n, 0n);
  return {
    lines: lines.map((l, i) => ({ ...l, netMinor: toSafe(nets[i]!), vatMinor: toSafe(vats[i]!) })),
    vatBreakdown: vatBreakdown.sort((a, b) => b.rateBp - a.rateBp || a.code.localeCompare(b.code)),
    netMinor: toSafe(netMinor),
    vatMinor: toSafe(vatMinor),
    totalMinor: toSafe(netMinor + vatMinor),
  };
}
