// older than, newer than, expires within: a date measured against the run's clock, in days.
import type { Value } from '../types';
import { toDateMs } from '../values/coerce';
import { define, nonNegative, shapeReason, type Prepared } from './define';
import type { EvalContext, OperatorSpec, Verdict } from './types';

const DAY_MS = 86_400_000;
/** newer than allows this much future, so clocks and time zones a little apart do not fail a fresh date. */
const FUTURE_SLACK_MS = DAY_MS;

function prepareDays(operator: string) {
  return (items: Value[]): Prepared<number> => {
    const days = nonNegative(operator, items);
    return days.value === undefined ? days : { value: days.value * DAY_MS, problems: [] };
  };
}

function dateOp(
  name: string,
  alias: string[],
  meaning: string,
  field: string,
  holds: (dateMs: number, spanMs: number, nowMs: number) => Verdict,
): OperatorSpec {
  return define<number>({
    name,
    aliases: alias,
    symbols: [],
    expected: 'days',
    onMissing: 'fail',
    wholeList: false,
    meaning,
    coercion:
      'The value must be a date: a date cell, ISO text (2026-03-01 or 2026-03-01T10:00:00Z; a date alone is midnight UTC) ' +
      'or an Excel serial number; anything else fails with "is not a date". Expected is a number of days, 0 or more ' +
      '(fractions allowed). "Now" is the moment of the run.',
    example: { field, expected: '90' },
    prepare: prepareDays(name),
    test: (actual: Value, spanMs: number, ctx: EvalContext) => {
      const ms = toDateMs(actual);
      if (ms === undefined) return shapeReason(actual, 'a date') ?? 'is not a date';
      return holds(ms, spanMs, ctx.nowMs);
    },
  });
}

export const DATE_OPERATORS: OperatorSpec[] = [
  dateOp(
    'older than',
    ['older than days'],
    'is a date more than Expected days before now.',
    'accessKey.lastRotated',
    (ms, span, now) => ms < now - span,
  ),
  dateOp(
    'newer than',
    ['newer than days', 'within last days'],
    'is a date within the last Expected days; a date more than a day in the future fails with "is in the future".',
    'lastBackup',
    (ms, span, now) => (ms > now + FUTURE_SLACK_MS ? 'is in the future' : ms >= now - span),
  ),
  dateOp(
    'expires within',
    ['expires within days'],
    'is a date less than Expected days from now; a date already past holds too.',
    'certificate.notAfter',
    (ms, span, now) => ms < now + span,
  ),
];
