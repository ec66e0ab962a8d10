import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Query strings and path parameters arrive as text, so their values are coerced to the declared
 * types; JSON bodies are validated exactly as sent — coercion there would turn a rule's
 * `"value": 30000` into the string "30000", or a category code "07" into the number 7.
 * x-zh (the meaning in Chinese) and x-unit annotate fields for the OpenAPI document and the data
 * dictionary; they validate nothing.
 */
function makeAjv(opts: Options): Ajv {
  const ajv = new Ajv({ removeAdditional: false, useDefaults: true, allErrors: false, keywords: ['x-zh', 'x-unit'], ...opts });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv;
}

const exact = makeAjv({ coerceTypes: false });
const coercing = makeAjv({ coerceTypes: 'array' });

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? exact : coercing).compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
