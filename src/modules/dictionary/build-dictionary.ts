import { describeFields, type DescribedField } from './describe-fields.ts';
import { CHILD_ENTITIES, SCHEMA_USES, type SchemaUse } from './schema-registry.ts';

/** An input that feeds a field: where (route, command), through which channels, and whether it requires the field. */
export interface FieldInput {
  via: string;
  channels: readonly string[];
  required: boolean;
}

export interface DictionaryField extends DescribedField {
  /** api, console, import:<kind>, demo … */
  channels: string[];
  inputs: FieldInput[];
}

export interface DictionaryEntity {
  entity: string;
  fields: DictionaryField[];
}

/**
 * The data dictionary: every field of every master-data input, described from the schemas that
 * validate that input (the first schema naming a field gives its type, rule and meaning, so
 * the create input describes a field before its PATCH does), with every channel that feeds it.
 */
export function buildDictionary(uses: readonly SchemaUse[] = SCHEMA_USES): DictionaryEntity[] {
  const entities = new Map<string, Map<string, DictionaryField>>();
  for (const use of uses) {
    for (const f of describeFields(use.schema, use.entity, CHILD_ENTITIES.get(use.schema))) {
      const fields = entities.get(f.entity) ?? new Map<string, DictionaryField>();
      entities.set(f.entity, fields);
      const known = fields.get(f.field) ?? { ...f, channels: [], inputs: [] };
      fields.set(f.field, known);
      known.inputs.push({ via: use.via, channels: use.channels, required: f.rule.required });
      for (const channel of use.channels) if (!known.channels.includes(channel)) known.channels.push(channel);
    }
  }
  return [...entities].map(([entity, fields]) => ({ entity, fields: [...fields.values()] }));
}
