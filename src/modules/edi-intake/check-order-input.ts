import { Value } from 'typebox/value';
import { invalid } from '../../platform/errors.ts';
import { OrderInput } from '../orders/order-input.ts';

/**
 * An order built from an EDI file has not passed the API's schema: check it against the same
 * schema, so a value the partner sent out of range (a 70-character PO number, a zero quantity)
 * is refused naming the field, as the API would, instead of failing in the database.
 */
export function checkOrderInput(input: OrderInput): OrderInput {
  const [first] = Value.Errors(OrderInput, input);
  if (first) {
    const missing = (first.params as { requiredProperties?: string[] }).requiredProperties?.[0];
    const field = [...first.instancePath.split('/').filter(Boolean), ...(missing ? [missing] : [])].join('.') || 'order';
    throw invalid(field, first.message);
  }
  return input;
}
