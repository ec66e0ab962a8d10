import type { Comparison, Condition, Facts, Operand, Value } from './rule-types.ts';

/** Reads `a.b.c` from nested facts; undefined when any step is missing. */
export function factAt(facts: Facts, path: string): unknown {
  let cur: unknown = facts;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Records which facts a condition read, for the explanation. */
export type Trace = Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function evaluateOperand(o: Operand, facts: Facts, trace: Trace): unknown {
  if ('fact' in o) {
    const v = factAt(facts, o.fact);
    trace[o.fact] = v ?? null;
    return v;
  }
  if ('value' in o) return o.value;
  if ('daysFrom' in o) {
    const base = evaluateOperand(o.daysFrom, facts, trace);
    return typeof base === 'string' && ISO_DATE.test(base) ? addDays(base, o.days) : undefined;
  }
  if ('count' in o || 'sum' in o) {
    const path = 'count' in o ? o.count : o.sum;
    const list = factAt(facts, path);
    if (!Array.isArray(list)) return undefined;
    const kept = list.filter((item) => !o.where || evaluateCondition(o.where, { ...facts, item } as Facts, {}));
    const result = 'count' in o ? kept.length : kept.reduce((s, item) => s + Number(factAt({ item } as Facts, `item.${o.of}`) ?? 0), 0);
    trace[`${'count' in o ? 'count' : 'sum'}(${path})`] = result;
    return result;
  }
  const args = o.args.map((a) => evaluateOperand(a, facts, trace));
  if (args.some((a) => typeof a !== 'number' || !Number.isFinite(a))) return undefined;
  const nums = args as number[];
  switch (o.op) {
    case '+': return nums.reduce((a, b) => a + b, 0);
    case '-': return nums.slice(1).reduce((a, b) => a - b, nums[0] ?? 0);
    case '*': return nums.reduce((a, b) => a * b, 1);
    case '/': return nums.length === 2 && nums[1] !== 0 ? nums[0]! / nums[1]! : undefined;
    case 'min': return Math.min(...nums);
    case 'max': return Math.max(...nums);
  }
}

function compare(cmp: Comparison, l: unknown, r: unknown): boolean {
  switch (cmp) {
    case '==': return l === r;
    case '!=': return l !== r;
    case 'in': return Array.isArray(r) && r.includes(l as Value);
    case 'not_in': return Array.isArray(r) && !r.includes(l as Value);
    case 'contains': return Array.isArray(l) ? l.includes(r as Value) : typeof l === 'string' && typeof r === 'string' && l.includes(r);
    case 'starts_with': return typeof l === 'string' && typeof r === 'string' && l.startsWith(r);
  }
  // Ordering compares numbers with numbers and dates/strings with strings; anything else (a
  // missing fact) is false, so a rule never fires on data it does not have.
  const comparable = (typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string');
  if (!comparable) return false;
  switch (cmp) {
    case '<': return (l as number) < (r as number);
    case '<=': return (l as number) <= (r as number);
    case '>': return (l as number) > (r as number);
    case '>=': return (l as number) >= (r as number);
  }
}

export function evaluateCondition(c: Condition, facts: Facts, trace: Trace): boolean {
  if ('all' in c) return c.all.every((x) => evaluateCondition(x, facts, trace));
  if ('any' in c) return c.any.some((x) => evaluateCondition(x, facts, trace));
  if ('not' in c) return !evaluateCondition(c.not, facts, trace);
  if ('exists' in c) {
    const v = factAt(facts, c.exists);
    trace[c.exists] = v ?? null;
    return v !== undefined && v !== null;
  }
  if ('missing' in c) {
    const v = factAt(facts, c.missing);
    trace[c.missing] = v ?? null;
    return v === undefined || v === null;
  }
  return compare(c.cmp, evaluateOperand(c.left, facts, trace), evaluateOperand(c.right, facts, trace));
}
