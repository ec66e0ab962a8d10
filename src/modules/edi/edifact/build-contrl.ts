import type { EdiParseOptions } from '../types.ts';
import type { ContrlAction, ContrlFinding, SegmentFinding } from './contrl-codes.ts';
import {
  isSupportedSyntax,
  type EdifactInterchangeEnvelope,
  type EdifactMessageEnvelope,
} from './validate-interchange.ts';
import { edifactSegment, writeEdifactInterchange, type OutboundSegment } from './write-edifact.ts';

/**
 * The CONTRL interchange answering an EDIFACT interchange: UCI for the interchange (7
 * acknowledged, 4 rejected with its error), then, unless the whole interchange is rejected,
 * a UCM per message with the UCS / UCD of a rejected message's segments and elements.
 */

export interface MessageVerdict {
  envelope: EdifactMessageEnvelope;
  accepted: boolean;
  errors: SegmentFinding[];
}

const CONTRL_IDENTIFIER = ['CONTRL', 'D', '3', 'UN'];
const action = (accepted: boolean): ContrlAction => (accepted ? '7' : '4');

export function buildContrl(
  interchange: EdifactInterchangeEnvelope,
  messages: MessageVerdict[],
  options: EdiParseOptions,
): string {
  const [refusal] = interchange.findings;
  const party = (p: { id: string; qualifier: string }): string[] => [p.id, p.qualifier];
  const body = [
    edifactSegment(
      'UCI',
      interchange.controlReference,
      party(interchange.sender),
      party(interchange.recipient),
      action(!refusal),
      ...pointer(refusal),
    ),
  ];
  if (!refusal) body.push(...messages.flatMap(acknowledgeMessage));

  return writeEdifactInterchange(
    {
      // Answered in the partner's syntax, unless that is the fault being reported.
      syntax: isSupportedSyntax(interchange.syntax)
        ? interchange.syntax
        : { identifier: 'UNOC', version: '3' },
      sender: interchange.recipient,
      recipient: interchange.sender,
      controlReference: String(options.ackControlNumber),
      now: options.now,
      test: interchange.test,
    },
    [{ reference: '1', identifier: CONTRL_IDENTIFIER, body }],
  );
}

function acknowledgeMessage(verdict: MessageVerdict): OutboundSegment[] {
  const { reference, identifier, findings } = verdict.envelope;
  const [refusal] = findings;
  const segments = [
    edifactSegment('UCM', reference, identifier, action(verdict.accepted), ...pointer(refusal)),
  ];
  for (const error of verdict.errors) {
    segments.push(edifactSegment('UCS', String(error.position), error.code));
    segments.push(
      ...error.elements.map((e) =>
        edifactSegment('UCD', e.code, [String(e.element), e.component?.toString()]),
      ),
    );
  }
  return segments;
}

/** 0085 error, 0013 segment tag, S011 element : component: where in a service segment the fault is. */
function pointer(finding: ContrlFinding | undefined): Array<string | string[] | undefined> {
  if (!finding) return [];
  return [
    finding.code,
    finding.tag,
    finding.element === undefined
      ? undefined
      : [String(finding.element), finding.component?.toString() ?? ''],
  ];
}
