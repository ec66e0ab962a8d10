/**
 * Reading the JSON Schema of a TypeBox input as data: what kind of value a field takes, its
 * allowed values, its meaning. The import (to convert cells) and the data dictionary (to describe
 * fields) both walk schemas with these.
 */
export interface SchemaNode {
  type?: string | string[];
  format?: string;
  const?: unknown;
  anyOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  nullable?: boolean;
  description?: string;
  'x-zh'?: string;
  'x-unit'?: string;
  [keyword: string]: unknown;
}

export type ScalarKind = 'string' | 'integer' | 'number' | 'boolean' | 'date';

/** The allowed values of a union of literals (`Type.Union([Type.Literal('I'), …])`), else null. */
export function literalValues(node: SchemaNode): unknown[] | null {
  if (Array.isArray(node.enum)) return node.enum as unknown[];
  if (!node.anyOf || !node.anyOf.every((n) => 'const' in n)) return null;
  return node.anyOf.map((n) => n.const);
}

/** The one scalar kind of a field's value, or null for objects and arrays. */
export function scalarKind(node: SchemaNode): ScalarKind | null {
  const literals = literalValues(node);
  if (literals) {
    const kinds = new Set(literals.map((v) => typeof v));
    if (kinds.size !== 1) return 'string';
    const [k] = kinds;
    return k === 'number' ? (literals.every(Number.isInteger) ? 'integer' : 'number') : k === 'boolean' ? 'boolean' : 'string';
  }
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  if (type === 'string') return node.format === 'date' ? 'date' : 'string';
  if (type === 'integer' || type === 'number' || type === 'boolean') return type;
  return null;
}

export const isArrayNode = (node: SchemaNode): node is SchemaNode & { items: SchemaNode } => node.type === 'array' && node.items !== undefined;
export const isObjectNode = (node: SchemaNode): node is SchemaNode & { properties: Record<string, SchemaNode> } =>
  node.type === 'object' && node.properties !== undefined;
