import type { EdiIssue, EdiOutcome, EdiParseOptions, EdiParseResult } from '../types.ts';
import { build997 } from './build-997.ts';
import { judgeInterchange, type InterchangeVerdict } from './judge-interchange.ts';
import { tokenizeX12 } from './tokenize-x12.ts';
import { validateX12Envelope } from './validate-envelope.ts';

/** An X12 interchange of 850s → orders, the 997/999 (and TA1) to send back, and its findings in words. */
export function parseX12(text: string, options: EdiParseOptions): EdiParseResult {
  const verdict = judgeInterchange(validateX12Envelope(tokenizeX12(text)), text);
  return {
    standard: 'X12',
    orders: verdict.groups.flatMap((g) => g.sets.flatMap((s) => (s.order ? [s.order] : []))),
    ack: build997(verdict, options),
    outcome: outcomeOf(verdict),
    issues: issuesOf(verdict),
  };
}

function outcomeOf(verdict: InterchangeVerdict): EdiOutcome {
  const statuses = verdict.groups.map((g) => g.status);
  if (verdict.envelope.findings.length > 0) return 'rejected';
  if (statuses.length > 0 && statuses.every((s) => s === 'R')) return 'rejected';
  if (statuses.some((s) => s === 'R' || s === 'P')) return 'partially_rejected';
  return statuses.includes('E') ? 'accepted_with_errors' : 'accepted';
}

function issuesOf(verdict: InterchangeVerdict): EdiIssue[] {
  const { envelope } = verdict;
  const issues: EdiIssue[] = envelope.findings.map((f) => ({
    level: 'interchange',
    reference: envelope.isa.controlNumber,
    ...f,
  }));
  for (const group of verdict.groups) {
    const reference = group.envelope.controlNumber;
    issues.push(...group.envelope.findings.map((f) => ({ level: 'group' as const, reference, ...f })));
    for (const set of group.sets) {
      const setReference = set.envelope.controlNumber;
      issues.push(
        ...set.envelope.findings.map((f) => ({ level: 'message' as const, reference: setReference, ...f })),
      );
      for (const error of set.errors) {
        if (error.elements.length === 0) {
          issues.push({
            level: 'segment',
            reference: setReference,
            code: error.code,
            message: error.message,
          });
        }
        for (const e of error.elements) {
          const message = `${error.segmentId} at ${error.position}: ${e.message}`;
          issues.push({ level: 'element', reference: setReference, code: e.code, message });
        }
      }
    }
  }
  return issues;
}
