import fc from 'fast-check';
import { isDomainError } from '../src/platform/errors.ts';
import { parseScan } from '../src/modules/udi/parse-scan.ts';
import { parseEdi } from '../src/modules/edi/parse-edi.ts';
import { ediSamples, UDI_SAMPLES } from './corpus.ts';
import { drive, type Budget, type FuzzReport } from './drive.ts';
import { hostileString, mutationOf } from './hostile-inputs.ts';

/** A parser behaves when it returns, or refuses with a DomainError (a code the user sees). */
function refusesCleanly(parse: () => unknown): string | null {
  try {
    parse();
    return null;
  } catch (e) {
    return isDomainError(e) ? null : `threw a ${e instanceof Error ? e.name : typeof e} that is not a DomainError: ${String(e)}`;
  }
}

const mutatedFrom = (samples: readonly string[]) => fc.constantFrom(...samples).chain(mutationOf);

export const PURE_TARGETS: Record<string, (budget: Budget, seed: number) => Promise<FuzzReport>> = {
  udi: (budget, seed) =>
    drive('udi', fc.oneof(mutatedFrom(UDI_SAMPLES), hostileString), budget, seed, (scan) => refusesCleanly(() => parseScan(scan))),
  edi: (budget, seed) =>
    drive('edi', mutatedFrom(ediSamples()), budget, seed, (text) =>
      refusesCleanly(() => parseEdi(text, { ackControlNumber: 1, now: new Date('2026-11-26T00:00:00Z') }))),
};
