// JSON parsing with a one-line error naming the file and line; nesting bounded before parsing.
import { jsonDepthError } from './depth';
import type { Json } from './row-builder';

export type JsonParse = { value: Json; error?: undefined } | { value?: undefined; error: string };

/**
 * Parses JSON text; on failure the message names the file and, where the parser says, the line. Text nested
 * past MAX_DEPTH is refused unparsed: every walk over the value after it recurses.
 */
export function parseJsonText(text: string, fileName: string): JsonParse {
  const tooDeep = jsonDepthError(text, fileName);
  if (tooDeep !== undefined) return { error: tooDeep };
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) as Json };
  } catch (err) {
    const message = String((err as Error).message ?? err);
    const at = /line (\d+)/.exec(message)?.[1] ?? lineOfPosition(text, /position (\d+)/.exec(message)?.[1]);
    const reason = message.split('\n')[0].replace(/\s*\(line \d+ column \d+\)/, '');
    return { error: `${fileName}${at ? ` line ${at}` : ''}: cannot read the JSON: ${reason}` };
  }
}

function lineOfPosition(text: string, position: string | undefined): string | undefined {
  if (position === undefined) return undefined;
  const before = text.replace(/^\uFEFF/, '').slice(0, Number(position));
  return String(before.split('\n').length);
}
