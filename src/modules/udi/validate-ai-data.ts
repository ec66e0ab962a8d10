import { DomainError } from '../../platform/errors.ts';
import type { AiComponent, AiDefinition, Gs1Lint } from './ai-spec.ts';
import { CHARSET_NAMES, isInCharset } from './charsets.ts';
import { gs1CheckDigit, hasValidGs1CheckDigit, hasValidGs1CheckPair } from './check-digit.ts';
import { gs1DateToIso, isHour, isMinuteOrSecond, yyyymmddToIso } from './gs1-dates.ts';

/**
 * Checks the data of one element string against its AI definition: length, then each component's
 * character set and content rules. Throws the DomainError a user should see; `now` resolves the
 * century of two-digit years.
 */
export function validateAiData(definition: AiDefinition, data: string, now: Date): void {
  const field = `ai.${definition.ai}`;
  if (data.length < definition.minLength || data.length > definition.maxLength) {
    throw new DomainError(
      'SCAN_BAD_LENGTH',
      `AI (${definition.ai}) ${definition.title} takes ${describeLength(definition)}, got ${data.length}`,
      { field },
    );
  }
  let position = 0;
  for (const component of definition.components) {
    const remaining = data.length - position;
    if (remaining === 0 && component.optional) break;
    const length = Math.min(component.maxLength, remaining);
    if (length < component.minLength) {
      throw new DomainError(
        'SCAN_BAD_LENGTH',
        `AI (${definition.ai}) ${definition.title} ends inside a ${component.minLength}-character part`,
        { field },
      );
    }
    const part = data.slice(position, position + length);
    checkComponent(definition, component, part, now);
    position += length;
  }
}

function describeLength({ minLength, maxLength }: AiDefinition): string {
  return minLength === maxLength
    ? `exactly ${maxLength} characters`
    : `${minLength} to ${maxLength} characters`;
}

function checkComponent(definition: AiDefinition, component: AiComponent, part: string, now: Date): void {
  const field = `ai.${definition.ai}`;
  const label = `AI (${definition.ai}) ${definition.title}`;
  if (!isInCharset(part, component.charset)) {
    throw new DomainError(
      'SCAN_BAD_CHARSET',
      `${label} allows only ${CHARSET_NAMES[component.charset]}: "${part}"`,
      { field },
    );
  }
  for (const lint of component.lints) {
    const failure = lintFailure(lint, part, now);
    if (failure) throw new DomainError(failure.code, `${label}: ${failure.message}`, { field });
  }
}

type LintFailure = { code: 'SCAN_BAD_CHECK_DIGIT' | 'SCAN_BAD_DATE' | 'SCAN_BAD_CHARSET'; message: string };

function lintFailure(lint: Gs1Lint, part: string, now: Date): LintFailure | undefined {
  const date = (ok: boolean, what: string): LintFailure | undefined =>
    ok ? undefined : { code: 'SCAN_BAD_DATE', message: `"${part}" is not a valid ${what}` };
  const chars = (ok: boolean, what: string): LintFailure | undefined =>
    ok ? undefined : { code: 'SCAN_BAD_CHARSET', message: `"${part}" must be ${what}` };
  switch (lint) {
    case 'csum':
      return hasValidGs1CheckDigit(part)
        ? undefined
        : {
            code: 'SCAN_BAD_CHECK_DIGIT',
            message: `${part} should end in ${gs1CheckDigit(part.slice(0, -1))}`,
          };
    case 'csumalpha':
      return hasValidGs1CheckPair(part)
        ? undefined
        : { code: 'SCAN_BAD_CHECK_DIGIT', message: `check character pair of ${part} is wrong` };
    case 'yymmd0':
      return date(gs1DateToIso(part, now, 'month-end') !== undefined, 'date (YYMMDD, day 00 for month end)');
    case 'yymmdd':
      return date(gs1DateToIso(part, now, 'invalid') !== undefined, 'date (YYMMDD)');
    case 'yyyymmdd':
      return date(yyyymmddToIso(part) !== undefined, 'date (YYYYMMDD)');
    case 'hh':
      return date(isHour(part), 'hour (00–23)');
    case 'mi':
      return date(isMinuteOrSecond(part), 'minute (00–59)');
    case 'ss':
      return date(isMinuteOrSecond(part), 'second (00–59)');
    case 'hhmi':
      return date(isHour(part.slice(0, 2)) && isMinuteOrSecond(part.slice(2)), 'time (HHMM)');
    case 'zero':
      return chars(part === '0', '0');
    case 'yesno':
      return chars(part === '0' || part === '1', '0 (no) or 1 (yes)');
    case 'hyphen':
      return chars(part === '-', 'a "-" (negative)');
    case 'nozeroprefix':
      return chars(!part.startsWith('0'), 'without a leading zero');
    case 'hasnondigit':
      return chars(/\D/.test(part), 'more than digits alone');
  }
}
