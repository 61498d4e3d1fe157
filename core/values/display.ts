// Values as messages show them: `"Suspended"`, `90`, `TRUE`, `2026-03-01`, `["a", "b"]`, cut to about 80 characters.
// Text that reads as TRUE/FALSE, a number or a date is shown bare, like the value it is compared as.
import type { Value } from '../types';
import { isoDateOrTime } from './cells';

const MAX_LENGTH = 80;

/**
 * Text in double quotes (a quote inside doubled, as in spreadsheet formulas; line breaks shown as spaces),
 * numbers plain, TRUE/FALSE, dates YYYY-MM-DD (full ISO when not midnight UTC), lists `["a", 2]`,
 * objects as short JSON `{"a": 1}`, missing as `missing`. Longer than 80 characters: cut, ending in `…`.
 */
export function displayValue(v: Value): string {
  const out = { text: '' };
  write(v, out);
  return out.text.length > MAX_LENGTH ? out.text.slice(0, MAX_LENGTH - 1) + '…' : out.text;
}

// Writes into a buffer and stops once past the limit, so a list of a million items costs no more than a short one.
function write(v: Value, out: { text: string }): void {
  if (out.text.length > MAX_LENGTH) return;
  if (v === undefined) out.text += 'missing';
  else if (typeof v === 'string') out.text += readsAsScalar(v) ?? quote(v);
  else if (typeof v === 'number') out.text += String(v);
  else if (typeof v === 'boolean') out.text += v ? 'TRUE' : 'FALSE';
  else if (v instanceof Date) out.text += isoDateOrTime(v) || 'invalid date';
  else if (Array.isArray(v)) {
    out.text += '[';
    for (let i = 0; i < v.length && out.text.length <= MAX_LENGTH; i++) {
      if (i > 0) out.text += ', ';
      write(v[i], out);
    }
    out.text += ']';
  } else {
    out.text += '{';
    let first = true;
    for (const key of Object.keys(v)) {
      if (out.text.length > MAX_LENGTH) break;
      if (v[key] === undefined) continue;
      if (!first) out.text += ', ';
      first = false;
      out.text += `${quote(key)}: `;
      write(v[key], out);
    }
    out.text += '}';
  }
}

/**
 * Text the engine reads as TRUE/FALSE, a number or a date is shown as that value, as a typed cell would be:
 * a CSV's `FALSE` and a checkbox both show `FALSE`, never `"FALSE"` in one message and `FALSE` in the next.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

function readsAsScalar(text: string): string | undefined {
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return t.toUpperCase();
  if (/^-?\d+(\.\d+)?$/.test(t) || ISO_DATE.test(t)) return t;
  return undefined;
}

function quote(text: string): string {
  const shown = text.length > MAX_LENGTH * 2 ? text.slice(0, MAX_LENGTH * 2) : text;
  return `"${shown.replace(/"/g, '""').replace(/\s*[\r\n]+\s*/g, ' ')}"`;
}

/** Like displayValue, but text without quotes: for problem params, which messages quote themselves. */
export function displayText(v: Value): string {
  if (typeof v !== 'string') return displayValue(v);
  const flat = v.replace(/\s*[\r\n]+\s*/g, ' ');
  return flat.length > MAX_LENGTH ? flat.slice(0, MAX_LENGTH - 1) + '…' : flat;
}
