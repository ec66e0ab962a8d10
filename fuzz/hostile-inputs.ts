import fc from 'fast-check';

/**
 * Text an attacker or a broken client sends: SQL and HTML injection, spreadsheet formulas, control
 * and NUL characters, lone surrogates, right-to-left marks, very long runs, numbers as text.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  "'; DROP TABLE orders; --",
  "' OR '1'='1",
  '1); SELECT pg_sleep(5); --',
  '$1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil","x")',
  '+SUM(1,2)',
  '-2+3',
  '@SUM(A1)',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202etxt.exe',
  '\u001d01\u001d',
  '../../etc/passwd',
  '%s%s%s%n',
  '{{7*7}}',
  '𠜎𠜱𠝹',
  'NaN',
  '-0',
  '9'.repeat(400),
  'x'.repeat(10_000),
  '',
  ' ',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** A JSON value of any shape, hostile strings included. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Edits of a valid input: cut, repeat, replace or insert a piece, or truncate it. */
export function mutationOf(seed: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: Math.max(seed.length, 1) });
  const edit = fc.oneof(
    fc.tuple(at, at).map(([a, b]) => (s: string) => s.slice(0, Math.min(a, b)) + s.slice(Math.max(a, b))),
    fc.tuple(at, at).map(([a, b]) => (s: string) => s.slice(0, Math.max(a, b)) + s.slice(Math.min(a, b))),
    fc.tuple(at, hostileString).map(([a, x]) => (s: string) => s.slice(0, a) + x + s.slice(a)),
    fc.tuple(at, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })).map(([a, c]) => (s: string) => s.slice(0, a) + c + s.slice(a + 1)),
    at.map((a) => (s: string) => s.slice(0, a)),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce((s, e) => e(s), seed));
}
