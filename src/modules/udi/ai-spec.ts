import type { Gs1Charset } from './charsets.ts';

/**
 * How the AI table is written down. Rows use the notation of the GS1 General Specifications and
 * the GS1 Barcode Syntax Dictionary so each can be checked against them by eye:
 *
 *   ['17', 'N6,yymmd0', 'USE BY or EXPIRY', 'req=01,02,03,255,8006,8026']
 *
 * spec: components separated by spaces; `N` digits, `X` GS1 character set 82, `Y` set 39; `N6`
 * exactly 6, `X..20` 1 to 20; `[…]` an optional trailing component; `,name` a content rule.
 * rules: `req=a,b` needs a or b in the same scan (`a+b` both; repeated `req` all apply), `ex=a,b`
 * forbids them; `n` in a pattern stands for any digit.
 */
export type AiRow = readonly [ais: string, spec: string, title: string, rules?: string];

/** Content rules ("linters" in the Syntax Dictionary) this parser applies. */
export type Gs1Lint =
  | 'csum' // GS1 mod-10 check digit
  | 'csumalpha' // GS1 alphanumeric check character pair
  | 'yymmd0' // date, day 00 = last day of month
  | 'yymmdd'
  | 'yyyymmdd'
  | 'hh'
  | 'mi'
  | 'ss'
  | 'hhmi'
  | 'zero' // the single digit 0
  | 'yesno' // 0 or 1
  | 'hyphen' // the single character '-'
  | 'nozeroprefix' // no leading 0
  | 'hasnondigit'; // at least one non-digit

const LINTS: ReadonlySet<string> = new Set<Gs1Lint>([
  'csum',
  'csumalpha',
  'yymmd0',
  'yymmdd',
  'yyyymmdd',
  'hh',
  'mi',
  'ss',
  'hhmi',
  'zero',
  'yesno',
  'hyphen',
  'nozeroprefix',
  'hasnondigit',
]);

export interface AiComponent {
  charset: Gs1Charset;
  minLength: number;
  maxLength: number;
  optional: boolean;
  lints: readonly Gs1Lint[];
}

export interface AiDefinition {
  ai: string;
  title: string;
  components: readonly AiComponent[];
  minLength: number;
  maxLength: number;
  /** Data length when the AI is in the table of predefined lengths and needs no GS after it. */
  predefinedLength: number | undefined;
  /** Every group must hold; a group holds when all AIs of one of its alternatives are present. */
  requires: readonly (readonly (readonly string[])[])[];
  excludes: readonly string[];
}

const COMPONENT = /^(\[)?([NXY])(\.\.)?(\d+)(\])?((?:,[a-z0-9]+)*)$/;

function parseComponent(text: string, ai: string): AiComponent {
  const match = COMPONENT.exec(text);
  if (!match || Boolean(match[1]) !== Boolean(match[5])) throw new Error(`AI ${ai}: bad component "${text}"`);
  const length = Number(match[4]);
  const lints = (match[6] ?? '').split(',').filter(Boolean);
  for (const lint of lints) if (!LINTS.has(lint)) throw new Error(`AI ${ai}: unknown content rule "${lint}"`);
  return {
    charset: match[2] as Gs1Charset,
    minLength: match[3] ? 1 : length,
    maxLength: length,
    optional: Boolean(match[1]),
    lints: lints as Gs1Lint[],
  };
}

function parseRules(rules: string): Pick<AiDefinition, 'requires' | 'excludes'> {
  const requires: string[][][] = [];
  const excludes: string[] = [];
  for (const rule of rules.split(/\s+/).filter(Boolean)) {
    const [key, list = ''] = rule.split('=');
    if (key === 'req') requires.push(list.split(',').map((alternative) => alternative.split('+')));
    else if (key === 'ex') excludes.push(...list.split(','));
    else throw new Error(`unknown AI rule "${rule}"`);
  }
  return { requires, excludes };
}

/** '3100-3105' → ['3100', …, '3105']; '91-99' → ['91', …, '99']; '01' → ['01']. */
function expandAis(ais: string): string[] {
  const [first = '', last = first] = ais.split('-');
  const expanded: string[] = [];
  for (let n = Number(first); n <= Number(last); n++) expanded.push(String(n).padStart(first.length, '0'));
  return expanded;
}

/** One definition per AI of each row; `predefinedLengths` maps a two-digit prefix to AI + data length. */
export function defineAis(row: AiRow, predefinedLengths: ReadonlyMap<string, number>): AiDefinition[] {
  const [ais, spec, title, rules = ''] = row;
  return expandAis(ais).map((ai) => {
    const components = spec.split(/\s+/).map((text) => parseComponent(text, ai));
    const total = predefinedLengths.get(ai.slice(0, 2));
    return {
      ai,
      title,
      components,
      minLength: components.reduce((sum, c) => sum + (c.optional ? 0 : c.minLength), 0),
      maxLength: components.reduce((sum, c) => sum + c.maxLength, 0),
      predefinedLength: total === undefined ? undefined : total - ai.length,
      ...parseRules(rules),
    };
  });
}
