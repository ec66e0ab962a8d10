import { Type, type Static, type TSchema } from 'typebox';

/**
 * Every input field says what it is in English (`description`) and Chinese (`x-zh`): the bulk
 * import maps Chinese column headings through `x-zh`, the OpenAPI document shows both.
 */
export const doc = (description: string, zh: string): { description: string; 'x-zh': string } => ({ description, 'x-zh': zh });

/**
 * A field that may be cleared with null. OpenAPI 3.0's `nullable` rather than a union with null,
 * because Ajv's type coercion would turn null into 0 or "" in the first branch of a union.
 */
export const Nullable = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });

/**
 * The schema as a route hands it to Fastify: its Ajv runs in strict mode and refuses unknown
 * keywords, so `x-zh` is folded into the description, where the OpenAPI document shows it.
 */
export function apiSchema<T extends TSchema>(schema: T): T {
  const fold = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fold);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (k !== 'x-zh') out[k] = fold(v);
    const zh = (node as Record<string, unknown>)['x-zh'];
    if (typeof zh === 'string') out.description = out.description ? `${String(out.description)} (${zh})` : zh;
    return out;
  };
  return fold(schema) as T;
}
