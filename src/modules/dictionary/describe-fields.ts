import type { TObject } from 'typebox';
import { isArrayNode, isObjectNode, literalValues, scalarKind, type SchemaNode } from '../imports/schema-node.ts';

/** What a field accepts, as its schema states it. */
export interface FieldRule {
  required: boolean;
  nullable?: boolean;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  enum?: unknown[];
}

export interface DescribedField {
  /** The entity the field belongs to: the schema's own, or a child's (`packaging` → device_packaging). */
  entity: string;
  /** `nameZh`, `breaks[].minQuantity` */
  field: string;
  type: string;
  unit: string | null;
  rule: FieldRule;
  en: string | null;
  zh: string | null;
}

const RULE_KEYWORDS = ['pattern', 'format', 'minLength', 'maxLength', 'minimum', 'maximum', 'maxItems', 'uniqueItems'] as const;

function typeOf(node: SchemaNode): string {
  const kind = scalarKind(node);
  if (kind) return kind;
  if (isArrayNode(node)) return `array of ${typeOf(node.items)}`;
  return 'object';
}

function ruleOf(node: SchemaNode, required: boolean): FieldRule {
  const rule: FieldRule = { required };
  if (node.nullable) rule.nullable = true;
  const scalar = isArrayNode(node) && scalarKind(node.items) ? { ...node.items, ...node } : node;
  for (const k of RULE_KEYWORDS) if (scalar[k] !== undefined) (rule as unknown as Record<string, unknown>)[k] = scalar[k];
  const values = literalValues(node) ?? (isArrayNode(node) ? literalValues(node.items) : null);
  if (values) rule.enum = values;
  return rule;
}

/** The meaning of a field: its own, or that of the list it is the items of. */
const meaning = (node: SchemaNode, key: 'description' | 'x-zh'): string | null =>
  (node[key] as string | undefined) ?? (isArrayNode(node) ? ((node.items[key] as string | undefined) ?? null) : null);

/**
 * Every field of an input schema with its type, unit, rule and meaning in English and Chinese.
 * A list of objects named in `children` is another entity's records (a device's packaging
 * levels); other lists of objects give `list[].field` fields of the same entity.
 */
export function describeFields(schema: TObject, entity: string, children: Readonly<Record<string, string>> = {}): DescribedField[] {
  const out: DescribedField[] = [];
  const walk = (node: SchemaNode, owner: string, prefix: string, top: boolean): void => {
    if (!isObjectNode(node)) return;
    const required = new Set(node.required ?? []);
    for (const [name, prop] of Object.entries(node.properties)) {
      const child = top ? children[name] : undefined;
      if (isArrayNode(prop) && isObjectNode(prop.items)) {
        if (child) walk(prop.items, child, '', false);
        else walk(prop.items, owner, `${prefix}${name}[].`, false);
        continue;
      }
      out.push({
        entity: owner, field: `${prefix}${name}`, type: typeOf(prop), unit: (prop['x-unit'] as string | undefined) ?? null,
        rule: ruleOf(prop, required.has(name)), en: meaning(prop, 'description'), zh: meaning(prop, 'x-zh'),
      });
    }
  };
  walk(schema as unknown as SchemaNode, entity, '', true);
  return out;
}
