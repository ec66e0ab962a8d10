import type { EdiIssue, EdiOutcome, EdiParseOptions, EdiParseResult, ParsedOrder } from '../types.ts';
import { buildContrl, type MessageVerdict } from './build-contrl.ts';
import { parseOrders, type MessageContext } from './parse-orders.ts';
import { tokenizeEdifact } from './tokenize-edifact.ts';
import { validateEdifactEnvelope, type EdifactInterchangeEnvelope } from './validate-interchange.ts';

/** An EDIFACT interchange of ORDERS → orders, the CONTRL to send back, and its findings in words. */
export function parseEdifact(text: string, options: EdiParseOptions): EdiParseResult {
  const tokens = tokenizeEdifact(text);
  const interchange = validateEdifactEnvelope(tokens);
  const context: MessageContext = {
    text,
    sender: interchange.sender,
    receiver: interchange.recipient,
    controlReference: interchange.controlReference,
    test: interchange.test,
    decimalMark: tokens.separators.decimal,
  };
  // A rejected interchange is resent whole: its messages are not looked into.
  const judged =
    interchange.findings.length > 0 ? [] : interchange.messages.map((m) => judgeMessage(m, context));
  const verdicts: MessageVerdict[] = judged.map(({ verdict }) => verdict);
  return {
    standard: 'EDIFACT',
    orders: judged.flatMap(({ order }) => (order ? [order] : [])),
    ack: buildContrl(interchange, verdicts, options),
    outcome: outcomeOf(interchange, verdicts),
    issues: issuesOf(interchange, verdicts),
  };
}

function judgeMessage(
  envelope: MessageVerdict['envelope'],
  context: MessageContext,
): { verdict: MessageVerdict; order: ParsedOrder | null } {
  if (envelope.findings.length > 0)
    return { verdict: { envelope, accepted: false, errors: [] }, order: null };
  const { order, errors } = parseOrders(envelope, context);
  return { verdict: { envelope, accepted: order !== null, errors }, order };
}

function outcomeOf(interchange: EdifactInterchangeEnvelope, verdicts: MessageVerdict[]): EdiOutcome {
  const accepted = verdicts.filter((v) => v.accepted).length;
  if (interchange.findings.length > 0 || (verdicts.length > 0 && accepted === 0)) return 'rejected';
  return accepted < verdicts.length ? 'partially_rejected' : 'accepted';
}

function issuesOf(interchange: EdifactInterchangeEnvelope, verdicts: MessageVerdict[]): EdiIssue[] {
  const issues: EdiIssue[] = interchange.findings.map(({ code, message }) => ({
    level: 'interchange',
    reference: interchange.controlReference,
    code,
    message,
  }));
  for (const { envelope, errors } of verdicts) {
    const reference = envelope.reference;
    issues.push(
      ...envelope.findings.map(({ code, message }) => ({
        level: 'message' as const,
        reference,
        code,
        message,
      })),
    );
    for (const error of errors) {
      if (error.code) issues.push({ level: 'segment', reference, code: error.code, message: error.message });
      for (const e of error.elements) {
        issues.push({
          level: 'element',
          reference,
          code: e.code,
          message: `${error.tag} at ${error.position}: ${e.message}`,
        });
      }
    }
  }
  return issues;
}
