import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { App } from './create-server.ts';

/**
 * The declared success answers (`schema.response`) are the published contract the web console's
 * types are generated from. Answers are written with plain JSON.stringify (create-server.ts), so a
 * schema never trims or changes what a route sends; this check, switched on by the test app,
 * instead fails every answer that strays from its schema — a field missing, of another type, or
 * not declared at all — with a 500, and says which route and what on stderr, so the test that made
 * the call fails; a screen that only showed the error still fails its test when the app closes.
 */
const ajv = new Ajv({ allErrors: true, strict: false, keywords: ['x-zh', 'x-unit'] });
(addFormats as unknown as (a: Ajv) => void)(ajv);

/** A copy of the schema in which objects refuse undeclared properties, unless they say otherwise. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'properties' ? mapValues(v, closed) : closed(v);
  if (out.type === 'object' && out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}
const mapValues = (o: unknown, f: (v: unknown) => unknown): unknown =>
  Object.fromEntries(Object.entries(o as Record<string, unknown>).map(([k, v]) => [k, f(v)]));

const compiled = new WeakMap<object, ValidateFunction>();
function validatorFor(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(closed(schema) as object);
    compiled.set(schema, v);
  }
  return v;
}

class ResponseContractError extends Error {}

/** Installs the check; the returned list collects every breach, for a caller to fail on at the end too. */
export function installResponseContractCheck(app: App): string[] {
  const breaches: string[] = [];
  app.addHook('preSerialization', async (request, reply, payload) => {
    const responses = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
    const status = reply.statusCode;
    if (!responses || status >= 300) return payload;
    const declared = responses[String(status)] ?? responses['2xx'];
    if (!declared || typeof declared !== 'object') return payload;
    const content = (declared as { content?: Record<string, { schema?: object }> }).content;
    // An answer described per media type (a PDF, an image) is checked only where it is JSON.
    const schema = content ? content['application/json']?.schema : declared;
    if (!schema) return payload;
    const validate = validatorFor(schema);
    // What the client receives: dates as strings, undefined fields gone.
    if (!validate(JSON.parse(JSON.stringify(payload)))) {
      const where = `${request.method} ${request.routeOptions.url} → ${status}`;
      const detail = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('; ');
      breaches.push(`${where}: ${detail}`);
      process.stderr.write(`RESPONSE CONTRACT BROKEN: ${where}: ${detail}\n`);
      throw new ResponseContractError(`the answer of ${where} does not match its response schema: ${detail}`);
    }
    return payload;
  });
  return breaches;
}
