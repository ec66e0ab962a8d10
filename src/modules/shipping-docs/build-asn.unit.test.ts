import { describe, expect, it } from 'vitest';
import { tokenizeEdifact } from '../edi/edifact/tokenize-edifact.ts';
import { validateEdifactEnvelope } from '../edi/edifact/validate-interchange.ts';
import { between, edifactSegments, x12Segments } from '../edi/test-support.ts';
import { tokenizeX12 } from '../edi/x12/tokenize-x12.ts';
import { validateX12Envelope } from '../edi/x12/validate-envelope.ts';
import { asnFromShipment, type AsnInput, type AsnPartnerLink } from './asn-input.ts';
import { generate856 } from './build-856.ts';
import { generateDesadv } from './build-desadv.ts';
import { sampleDocData } from './test-support.ts';

const LINK: AsnPartnerLink = {
  partner: { qualifier: 'ZZ', id: 'HOSP001EDI' },
  us: { qualifier: 'ZZ', id: 'LOTLINE' },
  test: false,
  lineNumbers: new Map([[1, '10']]),
};
const NOW = new Date('2026-11-26T02:30:00Z');
const input = (more: Partial<AsnInput> = {}): AsnInput => ({ ...asnFromShipment(sampleDocData(), LINK, { controlNumber: 812, now: NOW }), ...more });

describe('asnFromShipment', () => {
  it('given a package of two serials and a loose lot, then items per serial in the package and the partner line number', () => {
    const asn = input();
    expect(asn.packages.map((p) => [p.sscc, p.items.map((i) => [i.lineNo, i.lot, i.serial, i.quantity])])).toEqual([
      ['069012340000000016', [['10', 'L2026A', 'SN0001', 1], ['10', 'L2026A', 'SN0002', 1]]],
      [null, [['2', 'G-77', null, 30]]],
    ]);
    expect(asn).toMatchObject({ poNumber: 'PO-777', poDate: '2026-11-20', shipDate: '2026-11-26', receiver: LINK.partner });
  });

  it('given an order that came by EDI, then the PO number and date as the partner sent them', () => {
    const asn = asnFromShipment(sampleDocData(), { ...LINK, po: { number: 'H1-4010-0001', date: '2026-11-18' } }, { controlNumber: 1, now: NOW });
    expect(asn).toMatchObject({ poNumber: 'H1-4010-0001', poDate: '2026-11-18' });
  });
});

describe('generate856', () => {
  it('writes BSN and the hierarchy shipment → order → pack → item with SSCC, GTIN, lot, serial, quantity and expiry', () => {
    const segments = x12Segments(generate856(input()));
    expect(between(segments, 'ST', 'SE')).toEqual([
      'BSN*00*SHP-2026-000001*20261126*0230*0001',
      'HL*1**S',
      'TD5*****SF Express',
      'REF*CN*SF123456789',
      'DTM*011*20261126',
      'N1*ST*库房',
      'N1*SF*Shanghai DC',
      'HL*2*1*O',
      'PRF*PO-777***20261120',
      'HL*3*2*P',
      'MAN*GM*069012340000000016',
      'HL*4*3*I',
      'LIN*10*UK*06901234000016*LT*L2026A*SN*SN0001*VP*STENT-1',
      'SN1**1*EA',
      'DTM*036*20280630',
      'HL*5*3*I',
      'LIN*10*UK*06901234000016*LT*L2026A*SN*SN0002*VP*STENT-1',
      'SN1**1*EA',
      'DTM*036*20280630',
      'HL*6*2*I',
      'LIN*2*LT*G-77*VP*GAUZE-1',
      'SN1**30*EA',
      'DTM*036*20280630',
      'CTT*6',
    ]);
  });

  it('wraps it in an SH group whose ISA is 106 characters and whose counts and control numbers pass the parser’s checks', () => {
    const text = generate856(input());
    const tokens = tokenizeX12(text);
    expect(tokens.isaLength).toBe(106);
    const envelope = validateX12Envelope(tokens);
    expect(envelope.findings).toEqual([]);
    expect(envelope.isa).toMatchObject({ controlNumber: '000000812', sender: { id: 'LOTLINE' }, receiver: { id: 'HOSP001EDI' } });
    const [group] = envelope.groups;
    expect(group).toMatchObject({ functionalId: 'SH', controlNumber: '812', version: '004010', declaredSetCount: '1' });
    const set = group!.sets[0]!;
    expect(set.transactionSetId).toBe('856');
    const se = set.segments.at(-1)!;
    expect(se.id).toBe('SE');
    expect(Number(se.elements[0])).toBe(set.segments.length);
    expect(se.elements[1]).toBe(set.controlNumber);
    // The inbound checks take PO groups of 850s only: that is all they find here.
    expect(group!.findings.map((f) => f.code)).toEqual(['1']);
  });

  it('gives a ship-to GLN as N1*ST with UL, and cleans a delimiter out of a name', () => {
    const segments = x12Segments(generate856(input({ shipTo: { name: 'Dock*2', gln: '6901234000016' } })));
    expect(segments).toContain('N1*ST*Dock 2*UL*6901234000016');
  });

  it.each([
    [{ version: '003040' }, 'version'],
    [{ poDate: '2026-02-30' }, 'poDate'],
    [{ poNumber: 'PO*1' }, 'PRF'],
    [{ packages: [] }, 'packages'],
    [{ controlNumber: 0 }, 'controlNumber'],
  ])('refuses %j (%s)', (change, field) => {
    expect(() => generate856(input(change))).toThrow(expect.objectContaining({ field }));
  });
});

describe('generateDesadv', () => {
  it('writes BGM 351, the order reference, parties, and CPS/PAC/PCI/GIN per package with LIN, PIA, QTY 12 and DTM 361 per item', () => {
    const segments = edifactSegments(generateDesadv(input({ shipTo: { name: 'Dock 2', gln: '6901234000016' } })));
    expect(segments.slice(0, 3)).toEqual([
      'UNA:+.? ',
      'UNB+UNOC:3+LOTLINE:ZZ+HOSP001EDI:ZZ+261126:0230+812',
      'UNH+1+DESADV:D:96A:UN:EAN005',
    ]);
    expect(between(segments, 'UNH', 'UNT')).toEqual([
      'BGM+351+SHP-2026-000001+9',
      'DTM+137:20261126:102',
      'DTM+11:20261126:102',
      'RFF+ON:PO-777',
      'DTM+171:20261120:102',
      'RFF+CN:SF123456789',
      'NAD+BY+++Test Hospital',
      'NAD+DP+6901234000016::9',
      'NAD+SU+++Shanghai DC',
      'TDT+20++++:::SF Express',
      'CPS+1',
      'CPS+2+1',
      'PAC+1++CT',
      'PCI+33E',
      'GIN+BJ+069012340000000016',
      'LIN+1++06901234000016:SRV',
      'PIA+1+L2026A:NB+SN0001:SN+STENT-1:SA',
      'QTY+12:1:PCE',
      'DTM+361:20280630:102',
      'RFF+LI:10',
      'LIN+2++06901234000016:SRV',
      'PIA+1+L2026A:NB+SN0002:SN+STENT-1:SA',
      'QTY+12:1:PCE',
      'DTM+361:20280630:102',
      'RFF+LI:10',
      'CPS+3+1',
      'LIN+3',
      'PIA+1+G-77:NB+GAUZE-1:SA',
      'QTY+12:30:PCE',
      'DTM+361:20280630:102',
      'RFF+LI:2',
      'CNT+2:3',
    ]);
  });

  it('writes an interchange whose references and counts pass the parser’s checks, escaping what needs it', () => {
    const text = generateDesadv(input({ poNumber: "PO'9", test: true }));
    const envelope = validateEdifactEnvelope(tokenizeEdifact(text));
    expect(envelope).toMatchObject({ controlReference: '812', test: true, findings: [] });
    const [message] = envelope.messages;
    expect(message!.identifier).toEqual(['DESADV', 'D', '96A', 'UN', 'EAN005']);
    const unt = message!.segments.at(-1)!;
    expect(unt.tag).toBe('UNT');
    expect(Number(unt.elements[0]![0])).toBe(message!.segments.length);
    expect(message!.segments.find((s) => s.tag === 'RFF')!.elements[0]).toEqual(['ON', "PO'9"]);
    // The inbound checks take ORDERS only: that is all they find here.
    expect(message!.findings.map((f) => f.code)).toEqual(['14']);
  });

  it.each([
    [{ version: '004010' }, 'version'],
    [{ shipDate: '26-11-2026' }, 'shipDate'],
    [{ packages: [{ sscc: null, items: [] }] }, 'packages'],
  ])('refuses %j (%s)', (change, field) => {
    expect(() => generateDesadv(input(change))).toThrow(expect.objectContaining({ field }));
  });
});
