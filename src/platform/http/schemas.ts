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
