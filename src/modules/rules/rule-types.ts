/**
 * Rules are data: a condition over facts and the actions it triggers. Evaluation is pure
 * (evaluate-rules.ts) and explains itself: each outcome names its rule, rule-set version and the
 * facts that fired it.
 */
export type Value = string | number | boolean | null | Value[];

/** Something that yields a value: a fact by path, a literal, arithmetic, or a date offset. */
export type Operand =
  | { fact: string }
  | { value: Value }
  | { op: '+' | '-' | '*' | '/' | 'min' | 'max'; args: Operand[] }
  | { daysFrom: Operand; days: number }
  | { count: string; where?: Condition }
  | { sum: string; of: string; where?: Condition };

export type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not_in' | 'contains' | 'starts_with';

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { exists: string }
  | { missing: string }
  | { cmp: Comparison; left: Operand; right: Operand };

export type HoldType = 'credit' | 'compliance' | 'price' | 'contract' | 'stock' | 'anomaly';

export interface Message {
  en: string;
  zh: string;
}

export type Action =
  | { type: 'hold'; holdType: HoldType; reason: Message; releaseRoles?: string[] }
  | { type: 'require_approval'; holdType: HoldType; roles: string[]; reason: Message }
  | { type: 'alert'; code: string; severity: 'low' | 'medium' | 'high'; message: Message }
  | { type: 'set_field'; field: 'paymentTerms'; value: string }
  | { type: 'notify'; roles: string[]; message: Message };

export interface Rule {
  code: string;
  name: Message;
  /** `order`: once per order; `line`: once per line, with `line.*` facts bound to it. */
  scope: 'order' | 'line';
  when: Condition;
  then: Action[];
  enabled?: boolean;
}

export interface RuleSetRef {
  id: string;
  name: string;
  version: number;
}

/** The facts of one order: nested objects addressed by dotted paths (`customer.creditLimitMinor`). */
export type Facts = Record<string, unknown> & { lines?: Array<Record<string, unknown>> };

export interface Firing {
  rule: string;
  ruleName: Message;
  ruleSet: RuleSetRef;
  lineNo: number | null;
  actions: Action[];
  /** Every fact the condition read, with its value at evaluation time. */
  facts: Record<string, unknown>;
}

export interface RuleResult {
  rule: string;
  lineNo: number | null;
  fired: boolean;
  facts: Record<string, unknown>;
  error?: string;
}
