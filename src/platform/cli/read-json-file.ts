import { readFile } from 'node:fs/promises';
import type { TSchema, Static } from 'typebox';
import { Value } from 'typebox/value';
import { invalid } from '../errors.ts';

/** Reads a JSON file given on the command line and validates it, naming the first bad field. */
export async function readJsonFile<S extends TSchema>(file: string, schema: S): Promise<Static<S>> {
  const text = await readFile(file, 'utf8').catch((e: Error) => {
    throw invalid('file', `cannot read ${file}: ${e.message}`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw invalid('file', `not JSON: ${(e as Error).message}`);
  }
  const [first] = Value.Errors(schema, value);
  if (first) {
    const missing = (first.params as { requiredProperties?: string[] }).requiredProperties?.[0];
    throw invalid([...first.instancePath.split('/').filter(Boolean), ...(missing ? [missing] : [])].join('.') || 'file', first.message);
  }
  return value as Static<S>;
}
