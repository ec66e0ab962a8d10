import { DomainError } from '../../platform/errors.ts';
import type { EdiStandard, EnvelopeParty } from '../edi/index.ts';
import { tokenizeEdifact } from '../edi/edifact/tokenize-edifact.ts';
import { component } from '../edi/edifact/validate-interchange.ts';
import { readIsa } from '../edi/x12/read-isa.ts';
import { tokenizeX12 } from '../edi/x12/tokenize-x12.ts';

/** Who sent an interchange, to whom, under which control number: with the standard, its duplicate key. */
export interface InterchangeKey {
  standard: EdiStandard;
  sender: EnvelopeParty;
  receiver: EnvelopeParty;
  controlNumber: string;
  test: boolean;
}

/**
 * Reads the ISA or UNB alone, before (and whatever) the parser decides about the rest, so a
 * resent interchange is known before any work is done. Refuses what `parseEdi` refuses too: a
 * file that is no EDI (EDI_UNKNOWN_STANDARD) or whose header cannot be read (EDI_ENVELOPE_INVALID).
 */
export function readInterchangeKey(text: string): InterchangeKey {
  const body = text.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  let key: InterchangeKey;
  if (body.startsWith('ISA')) {
    const { header } = readIsa(tokenizeX12(body));
    key = { standard: 'X12', sender: header.sender, receiver: header.receiver, controlNumber: header.controlNumber, test: header.test };
  } else if (body.startsWith('UNA') || body.startsWith('UNB')) {
    const unb = tokenizeEdifact(body).segments[0];
    key = {
      standard: 'EDIFACT',
      sender: { qualifier: component(unb, 2, 2), id: component(unb, 2, 1) },
      receiver: { qualifier: component(unb, 3, 2), id: component(unb, 3, 1) },
      controlNumber: component(unb, 5),
      test: component(unb, 11) === '1',
    };
  } else {
    throw new DomainError('EDI_UNKNOWN_STANDARD', 'the file starts with neither ISA (X12) nor UNA/UNB (EDIFACT)', {
      field: 'ISA/UNB', details: { start: body.slice(0, 20) },
    });
  }
  if (!key.sender.id || !key.controlNumber.trim()) {
    throw new DomainError('EDI_ENVELOPE_INVALID', 'the interchange header names no sender or no control number', {
      field: key.standard === 'X12' ? 'ISA' : 'UNB',
    });
  }
  return key;
}
