import { Type, type Static, type TSchema } from 'typebox';

/**
 * Every input field says what it is in English (`description`) and in Chinese (`x-zh`): the
 * OpenAPI document shows both, and the bulk import maps Chinese column headings through `x-zh`.
 */
export const doc = (description: string, zh: string): { description: string; 'x-zh': string } => ({ description, 'x-zh': zh });

/**
 * A field a PATCH may clear with null. OpenAPI 3.0's `nullable` rather than a union with null:
 * Ajv's type coercion would turn null into 0 or "" in the first branch of a union.
 */
export const Nullable = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });
