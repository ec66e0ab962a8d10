import { Type, type TSchema } from 'typebox';

/** Schemas every module's routes share: the error body, ids, paging. */
export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Type.Optional(Type.String()),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorBody' },
);

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'page size', 'x-zh': '每页条数' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'rows to skip', 'x-zh': '跳过条数' })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });

/** Every route answers errors in the one format; naming them here puts them in the OpenAPI document. */
export const errorResponses = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
} as const;

export const DateString = (opts: { description?: string } = {}) =>
  Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', ...opts });

/** A column that may be NULL: the value or null, never absent. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * A timestamptz: the db layer gives a Date, JSON carries it as ISO 8601 text, which is what the
 * document says; routes may return either.
 */
export const Timestamp = () => Type.Unsafe<Date | string>(Type.String({ format: 'date-time' }));

/** A text in both languages of the product. */
export const Bilingual = Type.Object({ en: Type.String(), zh: Type.String() });

/**
 * A success answer's schema, for a route's `schema.response`: the contract published in the OpenAPI
 * document, from which the web console's types are generated. The handler's return value is not
 * type-checked against it (use cases type their rows loosely, timestamps are Dates until they are
 * JSON); the test app checks every real answer against it instead (response-contract.ts).
 */
export const Answer = <T extends TSchema>(schema: T) => Type.Unsafe<unknown>(schema);

/** The fields every master-data record shows about itself (src/platform/record-stamp.ts), to spread into its schema. */
export const RecordStampFields = {
  version: Type.Integer(),
  source: Type.String(),
  sourceRef: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
};

/**
 * A route's `schema.response` when its handler sends a status it learns at run time (an
 * idempotent replay sends the stored one): typed by number, so `reply.status(n)` type-checks.
 */
export const Responses = (byStatus: Record<number, TSchema>): Record<number, TSchema> => byStatus;
