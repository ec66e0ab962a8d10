/**
 * Incoming inspection by attributes, after ISO 2859-1 (ANSI/ASQ Z1.4): single sampling, normal
 * inspection. The lot size and inspection level give a code letter (Table 1), the code letter a
 * sample size, and the AQL the acceptance number (Table 2-A), following the table's arrows to the
 * nearest plan that exists. A sample larger than the lot means inspecting every unit.
 */
export type InspectionLevel = 'I' | 'II' | 'III';
export const AQLS = ['0.65', '1.0', '1.5', '2.5', '4.0', '6.5'] as const;
export type Aql = (typeof AQLS)[number];

export interface SamplingPlan {
  codeLetter: string;
  sampleSize: number;
  acceptNumber: number;
  rejectNumber: number;
}

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'R'] as const;
const SAMPLE_SIZES = [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000] as const;

/** Upper bounds of the lot-size ranges of Table 1, and the code letter index per level. */
const LOT_BOUNDS = [8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10_000, 35_000, 150_000, 500_000, Infinity] as const;
const LEVEL_LETTER: Record<InspectionLevel, readonly number[]> = {
  I: [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  II: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
  III: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
};

/** The row (sample-size index) of Table 2-A where each AQL's first plan, accept 0, stands. */
const ACCEPT_ZERO_ROW: Record<Aql, number> = { '0.65': 5, '1.0': 4, '1.5': 3, '2.5': 2, '4.0': 1, '6.5': 0 };
/** Acceptance numbers down the diagonal from the first accept-1 row (three rows below accept 0). */
const DIAGONAL = [1, 2, 3, 5, 7, 10, 14, 21] as const;

/** Table 2-A with its arrows resolved: the row actually used and its acceptance number. */
function resolveRow(row: number, aql: Aql): { row: number; accept: number } {
  const zero = ACCEPT_ZERO_ROW[aql];
  if (row <= zero) return { row: zero, accept: 0 }; // arrow down to the first plan
  if (row === zero + 1) return { row: zero, accept: 0 }; // arrow up
  const k = Math.min(row - (zero + 3), DIAGONAL.length - 1); // zero + 2 is an arrow down
  return { row: zero + 3 + Math.max(k, 0), accept: DIAGONAL[Math.max(k, 0)]! };
}

function letterRow(lotSize: number, level: InspectionLevel): number {
  if (!Number.isInteger(lotSize) || lotSize < 1) throw new RangeError('lot size must be a positive integer');
  return LEVEL_LETTER[level][LOT_BOUNDS.findIndex((max) => lotSize <= max)]!;
}

/** Table 1: the sample size code letter of a lot size at an inspection level. */
export const sampleSizeCodeLetter = (lotSize: number, level: InspectionLevel = 'II'): string => LETTERS[letterRow(lotSize, level)]!;

/** The plan to apply; its code letter is the one of the plan used, after following the arrows. */
export function samplingPlan(lotSize: number, level: InspectionLevel = 'II', aql: Aql = '1.0'): SamplingPlan {
  const { row, accept } = resolveRow(letterRow(lotSize, level), aql);
  return { codeLetter: LETTERS[row]!, sampleSize: Math.min(SAMPLE_SIZES[row]!, lotSize), acceptNumber: accept, rejectNumber: accept + 1 };
}

/** A lot passes when the defects found in the sample do not exceed the acceptance number. */
export const inspectionPasses = (plan: Pick<SamplingPlan, 'acceptNumber'>, defects: number): boolean => defects <= plan.acceptNumber;
