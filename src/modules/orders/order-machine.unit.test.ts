import { describe, expect, it } from 'vitest';
import { decide, evolve, type OrderCommand, type OrderState } from './order-machine.ts';
import { deriveOrderStatus, type LineQuantities } from './order-status.ts';

const qty = (ordered: number, more: Partial<LineQuantities> = {}): LineQuantities => ({
  ordered, cancelled: 0, allocated: 0, picked: 0, packed: 0, shipped: 0, delivered: 0, invoiced: 0, returned: 0, ...more,
});
const draft = (lines = [{ lineNo: 1, ...qty(10) }]): OrderState => ({ lifecycle: 'draft', holds: [], lines });
const run = (state: OrderState, ...commands: OrderCommand[]): OrderState =>
  commands.reduce((s, c) => decide(c, s).reduce(evolve, s), state);
const status = (s: OrderState) => deriveOrderStatus({ lifecycle: s.lifecycle, openHolds: s.holds.filter((h) => h.open).length, lines: s.lines });
const refused = (c: OrderCommand, s: OrderState, why: RegExp) =>
  expect(() => decide(c, s)).toThrow(expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringMatching(why) }));

const hold = (holdId: string, holdType: 'credit' | 'compliance' = 'compliance'): OrderCommand => ({ type: 'place_hold', holdId, holdType, reason: 'r' });

describe('submit', () => {
  it('given a draft with a line, when submitted, then it is submitted', () => {
    expect(decide({ type: 'submit' }, draft())).toEqual([{ type: 'order.submitted' }]);
    expect(status(run(draft(), { type: 'submit' }))).toBe('submitted');
  });
  it('given a draft without lines, then submit is refused', () => refused({ type: 'submit' }, draft([]), /no line/));
  it('given a submitted order, then submit again is refused', () =>
    refused({ type: 'submit' }, run(draft(), { type: 'submit' }), /already submitted/));
});

describe('holds', () => {
  const submitted = run(draft(), { type: 'submit' });
  it('given a submitted order, when a hold is placed, then it is on hold', () => {
    expect(status(run(submitted, hold('h1')))).toBe('on_hold');
  });
  it('given an open hold of a type, a second hold of that type adds nothing', () => {
    expect(decide(hold('h2'), run(submitted, hold('h1')))).toEqual([]);
  });
  it('given a draft, a hold is refused', () => refused(hold('h1'), draft(), /draft/));
  it('given an open hold, when released, then the order is submitted again', () => {
    const s = run(submitted, hold('h1'), { type: 'release_hold', holdId: 'h1' });
    expect(status(s)).toBe('submitted');
  });
  it('releasing twice or an unknown hold is refused', () => {
    const s = run(submitted, hold('h1'), { type: 'release_hold', holdId: 'h1' });
    refused({ type: 'release_hold', holdId: 'h1' }, s, /already released/);
    refused({ type: 'release_hold', holdId: 'nope' }, s, /no such hold/);
  });
  it('given everything shipped, a hold is refused', () => {
    const shipped: OrderState = { lifecycle: 'confirmed', holds: [], lines: [{ lineNo: 1, ...qty(5, { allocated: 5, picked: 5, packed: 5, shipped: 5 }) }] };
    refused(hold('h1'), shipped, /everything has shipped/);
  });
});

describe('confirm', () => {
  it('given a submitted order without holds, then it confirms', () => {
    expect(status(run(draft(), { type: 'submit' }, { type: 'confirm' }))).toBe('confirmed');
  });
  it('given an open hold, then confirm is refused naming the hold type', () =>
    refused({ type: 'confirm' }, run(draft(), { type: 'submit' }, hold('h1', 'credit')), /open holds: credit/));
  it('given a draft, then confirm is refused', () => refused({ type: 'confirm' }, draft(), /draft/));
});

describe('cancel', () => {
  it('given a confirmed order with nothing shipped, then it cancels', () => {
    expect(status(run(draft(), { type: 'submit' }, { type: 'confirm' }, { type: 'cancel', reason: 'customer' }))).toBe('cancelled');
  });
  it('given a shipped unit, then cancel is refused', () => {
    const s: OrderState = { lifecycle: 'confirmed', holds: [], lines: [{ lineNo: 1, ...qty(5, { shipped: 1 }) }] };
    refused({ type: 'cancel', reason: 'x' }, s, /goods have shipped/);
  });
  it('given a cancelled order, then cancel again is refused', () =>
    refused({ type: 'cancel', reason: 'x' }, run(draft(), { type: 'cancel', reason: 'x' }), /cancelled/));
});

describe('cancel a line', () => {
  it('cancels what has not shipped of that line', () => {
    const s: OrderState = { lifecycle: 'confirmed', holds: [], lines: [{ lineNo: 1, ...qty(10, { shipped: 4 }) }, { lineNo: 2, ...qty(3) }] };
    expect(decide({ type: 'cancel_line', lineNo: 1, reason: 'short' }, s)).toEqual([
      { type: 'order.line_cancelled', lineNo: 1, quantity: 6, reason: 'short' },
    ]);
  });
  it('refuses an unknown line and a line with nothing left', () => {
    const s: OrderState = { lifecycle: 'confirmed', holds: [], lines: [{ lineNo: 1, ...qty(2, { shipped: 2 }) }] };
    refused({ type: 'cancel_line', lineNo: 9, reason: 'x' }, s, /no line 9/);
    refused({ type: 'cancel_line', lineNo: 1, reason: 'x' }, s, /nothing left/);
  });
});

describe('amend and close', () => {
  it('amends a submitted order, refuses once shipped', () => {
    expect(decide({ type: 'amend', reason: 'qty' }, run(draft(), { type: 'submit' }))).toEqual([{ type: 'order.amended', reason: 'qty' }]);
    const s: OrderState = { lifecycle: 'confirmed', holds: [], lines: [{ lineNo: 1, ...qty(2, { shipped: 1 }) }] };
    refused({ type: 'amend', reason: 'x' }, s, /shipped/);
  });
  it('closes a delivered order, not an open one', () => {
    const delivered: OrderState = { lifecycle: 'confirmed', holds: [], lines: [{ lineNo: 1, ...qty(2, { allocated: 2, picked: 2, packed: 2, shipped: 2, delivered: 2 }) }] };
    expect(status(run(delivered, { type: 'close' }))).toBe('closed');
    refused({ type: 'close' }, run(draft(), { type: 'submit' }, { type: 'confirm' }), /closes once delivered/);
  });
});

describe('derived status', () => {
  const confirmed = (lines: LineQuantities[]) => deriveOrderStatus({ lifecycle: 'confirmed', openHolds: 0, lines });
  it('follows the least advanced line', () => {
    expect(confirmed([qty(5, { allocated: 5 }), qty(5, { allocated: 2 })])).toBe('confirmed');
    expect(confirmed([qty(5, { allocated: 5 }), qty(5, { allocated: 5 })])).toBe('allocated');
    expect(confirmed([qty(5, { allocated: 5, picked: 1 }), qty(5, { allocated: 5 })])).toBe('allocated');
    expect(confirmed([qty(5, { allocated: 5, picked: 5, packed: 5, shipped: 5 }), qty(5, { allocated: 5, picked: 5, packed: 5 })])).toBe('packed');
    expect(confirmed([qty(5, { allocated: 5, picked: 5, packed: 5, shipped: 5, delivered: 5, invoiced: 5 })])).toBe('invoiced');
  });
  it('shows picking as soon as one unit is picked before everything is allocated', () => {
    expect(confirmed([qty(5, { allocated: 2, picked: 1 }), qty(5)])).toBe('picking');
  });
  it('ignores cancelled quantities', () => {
    expect(confirmed([qty(5, { cancelled: 5 }), qty(2, { allocated: 2 })])).toBe('allocated');
    expect(confirmed([qty(5, { cancelled: 2, allocated: 3 })])).toBe('allocated');
  });
  it('puts a confirmed order with an open hold back on hold until it ships', () => {
    expect(deriveOrderStatus({ lifecycle: 'confirmed', openHolds: 1, lines: [qty(5, { allocated: 5 })] })).toBe('on_hold');
    expect(deriveOrderStatus({ lifecycle: 'confirmed', openHolds: 1, lines: [qty(5, { allocated: 5, picked: 5, packed: 5, shipped: 5 })] })).toBe('shipped');
  });
});
