import { describe, expect, it } from 'vitest';
import { checkSegment } from './check-elements.ts';
import { RULES_850 } from './rules-850.ts';
import type { X12Segment } from './tokenize-x12.ts';

function check(text: string): Array<[number, string, string]> {
  const [id = '', ...elements] = text.split('*');
  const segment: X12Segment = { id, elements, index: 0, start: 0, end: 0 };
  const rule = RULES_850[id];
  if (!rule) throw new Error(`no rule for ${id}`);
  return checkSegment(segment, rule).map((e) => [e.position, e.reference, e.code]);
}

describe('checkSegment (AK4 codes)', () => {
  it('passes valid segments', () => {
    expect(check('BEG*00*SA*PO-1**20240110')).toEqual([]);
    expect(check('PO1*1*5*EA*10.00**UK*10614141000415*BP*X-1')).toEqual([]);
    expect(check('N1*ST*DOCK 4')).toEqual([]);
    expect(check('DTM*002*20240110')).toEqual([]);
  });

  it.each([
    ['BEG*00*SA***20240110', [[3, '324', '1']]], // mandatory PO number missing
    ['PO1*1**EA*10', [[2, '330', '1']]], // quantity, mandatory in Lotline's guide
    ['N1*BY*CITY*UL', [[4, '67', '2']]], // P0304: id qualifier without id
    ['N1*BY', [[2, '93', '2']]], // R0203: neither name nor id
    ['PO1*1*5*EA*10**UK', [[7, '234', '2']]], // P0607
    ['DTM*002', [[2, '373', '2']]], // R020305
    ['CTT*1*2*3*4*5*6*7*8', [[8, '', '3']]], // too many elements
    ['BEG*0*SA*PO-1**20240110', [[1, '353', '4']]], // too short
    ['BEG*00*SA*PO-12345678901234567890123**20240110', [[3, '324', '5']]], // too long
    ['PO1*1*1O*EA', [[2, '330', '6']]], // letter O for zero
    ['CTT*1.5', [[1, '354', '6']]],
    ['BEG*18*SA*PO-1**20240110', [[1, '353', '7']]], // purpose Lotline does not take
    ['BEG*00*SA*PO-1**20240230', [[5, '373', '8']]],
  ] as const)('%s → %j', (text, expected) => {
    expect(check(text)).toEqual(expected);
  });

  it('keeps the bad value and says what is wrong', () => {
    const [id = '', ...elements] = 'PO1*1*TEN*EA'.split('*');
    const [error] = checkSegment(
      { id, elements, index: 0, start: 0, end: 0 },
      RULES_850.PO1 ?? { maxElements: 0, elements: {} },
    );
    expect(error).toEqual({
      position: 2,
      reference: '330',
      code: '6',
      badValue: 'TEN',
      message: 'PO102 "TEN" is not a decimal number',
    });
  });
});
