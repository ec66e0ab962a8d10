import type { TObject } from 'typebox';
import { DomainError } from '../../platform/errors.ts';
import { isArrayNode, isObjectNode, scalarKind, type ScalarKind, type SchemaNode } from './schema-node.ts';

/** Where one column of a file goes in a row object. */
export interface ColumnTarget {
  /** `['packaging', 0, 'gtin']` */
  path: ReadonlyArray<string | number>;
  /** `packaging.0.gtin`, as errors name fields */
  field: string;
  kind: ScalarKind;
  /** An array of scalars, written in one cell as `a;b;c`. */
  list: boolean;
}

export interface ColumnMap {
  /** One entry per column of the file; null for a column without a heading (Excel's trailing blanks). */
  targets: ReadonlyArray<ColumnTarget | null>;
  /** The heading a field was read from, for error reports. */
  headingOf(field: string): string | null;
}

const AMBIGUOUS = '';

/** `产品编码 *` and `（天）` as `产品编码` and `(天)`: headings compare without width, case or a required-mark. */
export const normaliseHeading = (h: string): string =>
  h.normalize('NFKC').replace(/\s*\*\s*$/, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The headings a Chinese meaning answers to: itself, without its parenthesised note (`账期（天）` →
 * `账期`) or its explanation after a colon (`证照类型：class3_distribution …` → `证照类型`), and
 * each of its alternatives (`产品编码/货号` → `产品编码`, `货号`).
 */
export function zhHeadings(zh: string): string[] {
  const plain = normaliseHeading(zh);
  const bare = plain.replace(/\s*\(.*\)\s*$/, '');
  const term = plain.split(':')[0]!.trim();
  const alternatives = /[(:]/.test(plain) ? [] : plain.split('/').map((a) => a.trim()).filter(Boolean);
  return [...new Set([plain, bare, term, ...alternatives])];
}

/** Property name by its own name or its Chinese meaning; a heading two properties share matches neither. */
function propertyIndex(node: SchemaNode & { properties: Record<string, SchemaNode> }): Map<string, string> {
  const index = new Map<string, string>();
  for (const [name, prop] of Object.entries(node.properties)) {
    const zh = prop['x-zh'] ?? (isArrayNode(prop) ? prop.items['x-zh'] : undefined);
    for (const key of zh ? zhHeadings(zh) : []) index.set(key, index.has(key) && index.get(key) !== name ? AMBIGUOUS : name);
  }
  for (const name of Object.keys(node.properties)) index.set(normaliseHeading(name), name);
  return index;
}

function leaf(node: SchemaNode): { kind: ScalarKind; list: boolean } | null {
  const kind = scalarKind(node);
  if (kind) return { kind, list: false };
  if (isArrayNode(node)) {
    const itemKind = scalarKind(node.items);
    if (itemKind) return { kind: itemKind, list: true };
  }
  return null;
}

const formatError = (message: string, field: string): DomainError => new DomainError('IMPORT_FORMAT', message, { field });

/** `code`, `产品编码`, `packaging.gtin` (the first level), `packaging.2.gtin`, `包装层级.2.产品标识 UDI-DI（GTIN）`. */
function resolve(root: SchemaNode & { properties: Record<string, SchemaNode> }, heading: string): ColumnTarget | null {
  const parts = normaliseHeading(heading).split('.').map((p) => p.trim());
  const top = propertyIndex(root).get(parts[0]!);
  if (!top) return null;
  const node = root.properties[top]!;
  if (parts.length === 1) {
    const l = leaf(node);
    return l ? { path: [top], field: top, ...l } : null;
  }
  if (!isArrayNode(node) || !isObjectNode(node.items) || parts.length > 3) return null;
  const position = parts.length === 3 ? Number(parts[1]) : 1;
  if (!Number.isInteger(position) || position < 1 || position > 1000) return null;
  const inner = propertyIndex(node.items).get(parts.at(-1)!);
  const l = inner ? leaf(node.items.properties[inner]!) : null;
  if (!inner || !l) return null;
  return { path: [top, position - 1, inner], field: `${top}.${position - 1}.${inner}`, ...l };
}

/**
 * Maps a file's headings to the fields of the kind's row schema: field names (`code`) or their
 * Chinese meanings (`产品编码`), and `list.N.field` for the N-th item of a list of objects. An
 * unknown or repeated heading, or a required field without a column, refuses the file.
 */
export function mapColumns(rowSchema: TObject, headings: readonly string[]): ColumnMap {
  const schema = rowSchema as unknown as SchemaNode;
  if (!isObjectNode(schema)) throw new Error('an import row schema must be an object schema');
  const seen = new Map<string, string>();
  const targets = headings.map((heading) => {
    if (heading.trim() === '') return null;
    const target = resolve(schema, heading);
    if (!target) throw formatError(`unknown column "${heading}": use a field name or its Chinese meaning (see GET /api/v1/dictionary)`, heading);
    const earlier = seen.get(target.field);
    if (earlier !== undefined) throw formatError(`the columns "${earlier}" and "${heading}" both fill ${target.field}`, heading);
    seen.set(target.field, heading);
    return target;
  });
  for (const required of schema.required ?? []) {
    if (![...seen.keys()].some((f) => f === required || f.startsWith(`${required}.`))) {
      const zh = schema.properties[required]?.['x-zh'];
      throw formatError(`the file has no column ${required}${zh ? ` (${zh})` : ''}, which every row needs`, required);
    }
  }
  return { targets, headingOf: (field) => seen.get(field) ?? null };
}
