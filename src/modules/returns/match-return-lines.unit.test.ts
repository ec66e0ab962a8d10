import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { matchReturnLines, type ShippedUnit } from './match-return-lines.ts';

const stent = (id: number, serial: string, available = 1): ShippedUnit =>
  ({ shipmentLineId: id, deviceId: 'stent', lotId: 'lot-s', lotNumber: 'S1', serialId: `sid-${serial}`, serial, available });
const gauze = (id: number, available: number, lotNumber = 'G1'): ShippedUnit =>
  ({ shipmentLineId: id, deviceId: 'gauze', lotId: `lot-${lotNumber}`, lotNumber, serialId: null, serial: null, available });

function refusal(fn: () => unknown): { code: string; field: string | undefined } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error('not refused');
}

describe('matching returned units to what was shipped', () => {
  const shipped = [stent(1, 'A'), stent(2, 'B'), gauze(3, 6), gauze(4, 4)];

  it('given a shipped serial and a lot quantity, when matched, then each takes its shipment lines', () => {
    const m = matchReturnLines([{ deviceId: 'stent', lotNumber: 'S1', serial: 'B', quantity: 1 }, { deviceId: 'gauze', lotNumber: 'G1', quantity: 8 }], shipped);
    expect(m).toEqual([
      { index: 0, shipmentLineId: 2, deviceId: 'stent', lotId: 'lot-s', serialId: 'sid-B', quantity: 1 },
      { index: 1, shipmentLineId: 3, deviceId: 'gauze', lotId: 'lot-G1', serialId: null, quantity: 6 },
      { index: 1, shipmentLineId: 4, deviceId: 'gauze', lotId: 'lot-G1', serialId: null, quantity: 2 },
    ]);
  });

  it('given a device never shipped, then it is refused on deviceId', () => {
    expect(refusal(() => matchReturnLines([{ deviceId: 'other', lotNumber: 'S1', quantity: 1 }], shipped))).toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].deviceId' });
  });

  it('given a lot never shipped, then it is refused on lotNumber', () => {
    expect(refusal(() => matchReturnLines([{ deviceId: 'gauze', lotNumber: 'G9', quantity: 1 }], shipped))).toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].lotNumber' });
  });

  it('given a serial not on the shipment (another customer’s unit), then it is refused on serial', () => {
    expect(refusal(() => matchReturnLines([{ deviceId: 'stent', lotNumber: 'S1', serial: 'Z', quantity: 1 }], shipped))).toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].serial' });
  });

  it('given more than is still out there, then it is refused on quantity', () => {
    expect(refusal(() => matchReturnLines([{ deviceId: 'gauze', lotNumber: 'G1', quantity: 11 }], shipped))).toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].quantity' });
  });

  it('given two lines of the same lot, then they share what is available', () => {
    expect(refusal(() => matchReturnLines([{ deviceId: 'gauze', lotNumber: 'G1', quantity: 6 }, { deviceId: 'gauze', lotNumber: 'G1', quantity: 5 }], shipped)))
      .toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[1].quantity' });
  });

  it('given a serial already returned or authorised (nothing available), then it is refused', () => {
    expect(refusal(() => matchReturnLines([{ deviceId: 'stent', lotNumber: 'S1', serial: 'A', quantity: 1 }], [stent(1, 'A', 0)]))).toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].quantity' });
  });

  it('given a serial-tracked device without serial, or a lot-tracked one with a serial, then the input is invalid', () => {
    expect(refusal(() => matchReturnLines([{ deviceId: 'stent', lotNumber: 'S1', quantity: 1 }], shipped))).toEqual({ code: 'VALIDATION_FAILED', field: 'lines[0].serial' });
    expect(refusal(() => matchReturnLines([{ deviceId: 'stent', lotNumber: 'S1', serial: 'A', quantity: 2 }], shipped))).toEqual({ code: 'VALIDATION_FAILED', field: 'lines[0].quantity' });
    expect(refusal(() => matchReturnLines([{ deviceId: 'gauze', lotNumber: 'G1', serial: 'X', quantity: 1 }], shipped))).toEqual({ code: 'VALIDATION_FAILED', field: 'lines[0].serial' });
  });
});
