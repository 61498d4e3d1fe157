// The one error type the CLI's file reading raises: a one-line message naming the file, printed without a stack.

export class InputError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** The first line of an error's message, for errors from libraries whose messages run long. */
export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split(/\r?\n/)[0].trim() || 'unknown error';
}
