import { Type, type Static, type TSchema } from 'typebox';

/**
 * What an input field means, in English (`description`) and Chinese (`x-zh`), with its unit
 * (`x-unit`) where it has one. The OpenAPI document shows them, the data dictionary lists them and
 * the bulk import maps Chinese column headings through `x-zh`; Ajv accepts both keywords (see
 * http/validators.ts), so schemas go to Fastify as they are.
 */
export const doc = (description: string, zh: string, unit?: string): { description: string; 'x-zh': string; 'x-unit'?: string } => ({
  description,
  'x-zh': zh,
  ...(unit === undefined ? {} : { 'x-unit': unit }),
});

/**
 * A field a PATCH may clear with null. OpenAPI 3.0's `nullable` rather than a union with null,
 * because Ajv's type coercion would turn null into 0 or "" in the first branch of a union.
 */
export const Nullable = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });
