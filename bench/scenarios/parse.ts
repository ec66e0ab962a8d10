import { performance } from 'node:perf_hooks';
import { encodeGs1 } from '../../src/modules/udi/encode-gs1.ts';
import { parseScan } from '../../src/modules/udi/parse-scan.ts';
import { gs1CheckDigit } from '../../src/modules/udi/check-digit.ts';
import { parseEdi } from '../../src/modules/edi/parse-edi.ts';
import { round, type Figure, type Scenario } from '../figure.ts';

/** A valid X12 004010 850 with `lines` PO1 lines, for parse throughput. */
export function big850(lines: number): string {
  const seg: string[] = ['ST*850*0001', 'BEG*00*SA*PO-BENCH-1**20261126', 'N1*BY*Bench Hospital*UL*0614141000036'];
  for (let i = 1; i <= lines; i++) {
    const body = `0690123${String(i % 1_000_000).padStart(6, '0')}`;
    seg.push(`PO1*${i}*${(i % 50) + 1}*EA*12.50**EN*${body}${gs1CheckDigit(body)}*BP*ITEM-${i}`);
  }
  seg.push(`CTT*${lines}`);
  seg.push(`SE*${seg.length + 1}*0001`);
  const isa = 'ISA*00*          *00*          *ZZ*BENCHSENDER    *ZZ*LOTLINE        *261126*1200*U*00401*000000001*0*P*>';
  return [isa, 'GS*PO*BENCHSENDER*LOTLINE*20261126*1200*1*X*004010', ...seg, 'GE*1*1', 'IEA*1*000000001'].join('~\n') + '~\n';
}

export const parseScenario: Scenario = {
  name: 'parse',
  describe: 'GS1 scans per second and EDI 850 megabytes per second, on one core',
  async run({ size }) {
    const n = size === 'full' ? 200_000 : 20_000;
    const now = new Date('2026-11-26T00:00:00Z');
    const scans = Array.from({ length: 1000 }, (_, i) => {
      const body = `0690123${String(i).padStart(6, '0')}`;
      return encodeGs1({ gtin: `${body}${gs1CheckDigit(body)}`, expiry: '2028-06-30', lot: `L${i}`, serial: `S${100000 + i}` }, { now }).raw;
    });
    let t0 = performance.now();
    for (let i = 0; i < n; i++) parseScan(scans[i % scans.length]!, { now });
    const scanSeconds = (performance.now() - t0) / 1000;

    const edi = big850(size === 'full' ? 50_000 : 5_000);
    const bytes = Buffer.byteLength(edi);
    const rounds = size === 'full' ? 5 : 2;
    t0 = performance.now();
    for (let i = 0; i < rounds; i++) parseEdi(edi, { ackControlNumber: 1, now });
    const ediSeconds = (performance.now() - t0) / 1000;
    const figures: Figure[] = [
      { bench: 'parse', metric: 'gs1_scans_per_s', value: Math.round(n / scanSeconds), unit: 'scans/s' },
      { bench: 'parse', metric: 'edi_850_mb_per_s', value: round((bytes * rounds) / 1e6 / ediSeconds), unit: 'MB/s' },
    ];
    return figures;
  },
};
