import { DomainError } from '../../../platform/errors.ts';
import { isValidHhmm, isValidYymmdd, isoFromCcyymmdd } from '../shared/dates.ts';
import type { EnvelopeParty } from '../types.ts';
import type { ContrlFinding } from './contrl-codes.ts';
import type { EdifactSegment, EdifactTokens } from './tokenize-edifact.ts';

/**
 * Reads UNB, the UNH … UNT messages and UNZ, and checks their references and counts. Findings
 * become the UCI (interchange) or UCM (message) of the CONTRL; only an interchange whose UNB
 * cannot name the sender, recipient and reference is unanswerable, and thrown.
 */

export interface EdifactMessageEnvelope {
  /** UNH 0062. */
  reference: string;
  /** UNH S009 as received: type, version, release, agency, association code (ORDERS:D:96A:UN:EAN008). */
  identifier: string[];
  /** UNH … UNT inclusive, or UNH up to the next envelope segment when UNT is missing. */
  segments: EdifactSegment[];
  findings: ContrlFinding[];
}

export interface EdifactInterchangeEnvelope {
  /** UNB S001: syntax identifier (UNOA, UNOC …) and version (1–4). */
  syntax: { identifier: string; version: string };
  sender: EnvelopeParty;
  recipient: EnvelopeParty;
  /** UNB 0020. */
  controlReference: string;
  /** UNB 0035 = 1. */
  test: boolean;
  messages: EdifactMessageEnvelope[];
  findings: ContrlFinding[];
}

const MESSAGE_BOUNDARIES = new Set(['UNT', 'UNH', 'UNZ', 'UNB', 'UNG', 'UNE']);
const FIRST_SUPPORTED_DIRECTORY_YEAR = 1996; // D.96A

export const component = (segment: EdifactSegment | undefined, element: number, position = 1): string =>
  segment?.elements[element - 1]?.[position - 1] ?? '';
const countMatches = (declared: string, actual: number): boolean =>
  /^\d+$/.test(declared) && Number(declared) === actual;

export function validateEdifactEnvelope(tokens: EdifactTokens): EdifactInterchangeEnvelope {
  const { segments } = tokens;
  const unb = segments[0];
  if (unb?.tag !== 'UNB') throw unanswerable(`the interchange starts with ${unb?.tag || 'nothing'}, not UNB`);
  const envelope: EdifactInterchangeEnvelope = {
    syntax: { identifier: component(unb, 1, 1), version: component(unb, 1, 2) },
    sender: { qualifier: component(unb, 2, 2), id: component(unb, 2, 1) },
    recipient: { qualifier: component(unb, 3, 2), id: component(unb, 3, 1) },
    controlReference: component(unb, 5),
    test: component(unb, 11) === '1',
    messages: [],
    findings: checkUnb(unb),
  };
  if (!envelope.controlReference) throw unanswerable('UNB 0020 (interchange control reference) is empty');
  if (!envelope.sender.id || !envelope.recipient.id)
    throw unanswerable('UNB names no sender or no recipient');

  let at = 1;
  while (at < segments.length) {
    const segment = segments[at];
    if (!segment || segment.tag === 'UNZ') break;
    if (segment.tag === 'UNH') {
      const read = readMessage(segments, at);
      envelope.messages.push(read.message);
      at = read.next;
      continue;
    }
    envelope.findings.push(
      segment.tag === 'UNG'
        ? {
            code: '15',
            tag: 'UNG',
            message: 'functional groups (UNG) are not taken: send the messages directly',
          }
        : {
            code: '33',
            tag: segment.tag,
            message: `${segment.tag} (segment ${at + 1}) is outside any message`,
          },
    );
    at++;
  }
  markDuplicateReferences(envelope.messages);
  checkUnz(segments, at, envelope);
  return envelope;
}

const unanswerable = (message: string): DomainError =>
  new DomainError('EDI_ENVELOPE_INVALID', `EDIFACT interchange cannot be acknowledged: ${message}`, {
    field: 'UNB',
  });

/** Syntax identifiers UNOA … UNOY (the character repertoire), versions 1 to 4. */
export const isSupportedSyntax = (syntax: { identifier: string; version: string }): boolean =>
  /^UNO[A-Y]$/.test(syntax.identifier) && /^[1-4]$/.test(syntax.version);

function checkUnb(unb: EdifactSegment): ContrlFinding[] {
  const findings: ContrlFinding[] = [];
  if (!isSupportedSyntax({ identifier: component(unb, 1, 1), version: component(unb, 1, 2) })) {
    findings.push({
      code: '2',
      tag: 'UNB',
      element: 1,
      message: `syntax ${component(unb, 1, 1)}:${component(unb, 1, 2)} is not supported`,
    });
  }
  const date = component(unb, 4, 1);
  if (!(date.length === 8 ? isoFromCcyymmdd(date) !== null : isValidYymmdd(date))) {
    findings.push({
      code: '12',
      tag: 'UNB',
      element: 4,
      component: 1,
      message: `UNB date "${date}" is not a date`,
    });
  }
  if (!isValidHhmm(component(unb, 4, 2))) {
    findings.push({
      code: '12',
      tag: 'UNB',
      element: 4,
      component: 2,
      message: `UNB time "${component(unb, 4, 2)}" is not HHMM`,
    });
  }
  return findings;
}

function checkUnz(segments: EdifactSegment[], at: number, envelope: EdifactInterchangeEnvelope): void {
  const unz = segments[at];
  if (!unz) {
    envelope.findings.push({ code: '13', tag: 'UNZ', message: 'the interchange has no UNZ' });
    return;
  }
  if (component(unz, 2) !== envelope.controlReference) {
    const message = `UNZ reference ${component(unz, 2)} does not match UNB ${envelope.controlReference}`;
    envelope.findings.push({ code: '28', tag: 'UNZ', element: 2, message });
  }
  if (!countMatches(component(unz, 1), envelope.messages.length)) {
    const message = `UNZ says ${component(unz, 1)} message(s), the interchange has ${envelope.messages.length}`;
    envelope.findings.push({ code: '29', tag: 'UNZ', element: 1, message });
  }
  if (at + 1 < segments.length) {
    throw new DomainError('EDI_ENVELOPE_INVALID', 'data follows the UNZ: send one interchange per file', {
      field: 'UNZ',
    });
  }
}

function readMessage(
  segments: EdifactSegment[],
  at: number,
): { message: EdifactMessageEnvelope; next: number } {
  const unh = segments[at];
  let end = at + 1;
  while (end < segments.length && !MESSAGE_BOUNDARIES.has(segments[end]?.tag ?? '')) end++;
  const unt = segments[end]?.tag === 'UNT' ? segments[end] : undefined;
  const message: EdifactMessageEnvelope = {
    reference: component(unh, 1),
    identifier: unh?.elements[1] ?? [],
    segments: segments.slice(at, unt ? end + 1 : end),
    findings: [],
  };
  const { findings, reference } = message;
  if (!reference)
    findings.push({ code: '13', tag: 'UNH', element: 1, message: 'UNH has no message reference' });
  if (!unt) {
    findings.push({ code: '13', tag: 'UNT', message: `message ${reference} has no UNT` });
  } else {
    if (component(unt, 2) !== reference) {
      findings.push({
        code: '28',
        tag: 'UNT',
        element: 2,
        message: `UNT reference ${component(unt, 2)} does not match UNH ${reference}`,
      });
    }
    if (!countMatches(component(unt, 1), message.segments.length)) {
      const counted = message.segments.length;
      findings.push({
        code: '29',
        tag: 'UNT',
        element: 1,
        message: `UNT says ${component(unt, 1)} segments, the message has ${counted}`,
      });
    }
  }
  findings.push(...checkMessageType(message.identifier));
  return { message, next: unt ? end + 1 : end };
}

/** Lotline takes ORDERS of the UN directories D.96A and later. */
function checkMessageType([type = '', version = '', release = '', agency = '']: string[]): ContrlFinding[] {
  const notSupported = (position: number, what: string): ContrlFinding => ({
    code: '14',
    tag: 'UNH',
    element: 2,
    component: position,
    message: `${what}: only ORDERS of directory D.96A or later is taken`,
  });
  if (type !== 'ORDERS') return [notSupported(1, `message type ${type}`)];
  if (version !== 'D') return [notSupported(2, `directory version ${version}`)];
  if (directoryYear(release) < FIRST_SUPPORTED_DIRECTORY_YEAR)
    return [notSupported(3, `directory release ${release}`)];
  if (agency !== 'UN') return [notSupported(4, `controlling agency ${agency}`)];
  return [];
}

/** `96A` → 1996, `01B` → 2001; directories started in 1990, so two digits are unambiguous. */
function directoryYear(release: string): number {
  const match = /^(\d{2})[A-Z]$/.exec(release);
  if (!match) return 0;
  const twoDigits = Number(match[1]);
  return twoDigits >= 90 ? 1900 + twoDigits : 2000 + twoDigits;
}

function markDuplicateReferences(messages: EdifactMessageEnvelope[]): void {
  const seen = new Set<string>();
  for (const message of messages) {
    if (seen.has(message.reference)) {
      message.findings.push({
        code: '26',
        tag: 'UNH',
        element: 1,
        message: `message reference ${message.reference} is used twice`,
      });
    }
    seen.add(message.reference);
  }
}
