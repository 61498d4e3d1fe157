// Errors shaped like Office.js's OfficeExtension.Error ("RichApi.Error" with a code), as the fake Excel raises them.

/** Excel on the web's limit for one request and one response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export class FakeRichApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function notLoaded(property: string): FakeRichApiError {
  return new FakeRichApiError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
