import { describe, expect, it } from 'vitest';
import type { TSchema } from 'typebox';
import { ApplyPaymentBody, CreditNoteInput, DeviceVatInput, FinanceSettingsInput, InvoiceCreateInput, PaymentInput } from './finance-schemas.ts';

function fields(schema: Record<string, unknown>, path = ''): Array<[string, Record<string, unknown>]> {
  const out: Array<[string, Record<string, unknown>]> = [];
  for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    out.push([`${path}${name}`, prop]);
    const inner = (prop.items ?? prop) as Record<string, unknown>;
    if (inner.properties) out.push(...fields(inner, `${path}${name}.`));
  }
  return out;
}

describe('finance input schemas', () => {
  it.each(Object.entries({ ApplyPaymentBody, InvoiceCreateInput, CreditNoteInput, PaymentInput, FinanceSettingsInput, DeviceVatInput } as Record<string, TSchema>))(
    '%s documents every field in English and Chinese', (_name, schema) => {
      const undocumented = fields(schema as unknown as Record<string, unknown>)
        .filter(([, f]) => typeof f.description !== 'string' || !/[\u4e00-\u9fff]/.test(String(f['x-zh'])))
        .map(([path]) => path);
      expect(undocumented).toEqual([]);
    });
});
