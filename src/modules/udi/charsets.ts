/**
 * The character sets GS1 element strings may use (GS1 General Specifications 7.11). CSET82 is in
 * the order that gives each character its value in the alphanumeric check-pair calculation.
 */
export const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;

const NUMERIC = /^\d*$/;
const IN_CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;
/** CSET 39: upper-case letters, digits, '#', '-' and '/' (AI 8010 CPID). */
const IN_CSET39 = /^[#\-/0-9A-Z]*$/;

export type Gs1Charset = 'N' | 'X' | 'Y';

export function isInCharset(text: string, charset: Gs1Charset): boolean {
  switch (charset) {
    case 'N':
      return NUMERIC.test(text);
    case 'X':
      return IN_CSET82.test(text);
    case 'Y':
      return IN_CSET39.test(text);
  }
}

export const CHARSET_NAMES: Record<Gs1Charset, string> = {
  N: 'digits',
  X: 'GS1 character set 82',
  Y: 'GS1 character set 39',
};
