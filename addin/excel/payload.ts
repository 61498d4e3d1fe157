// Recognising Excel on the web's payload-size errors, so a writer or reader can halve its chunk and retry.

/** True for "RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded" and their kin (413, "payload too large"). */
export function isPayloadError(err: unknown): boolean {
  if (err === null || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; debugInfo?: { code?: unknown } };
  const text = [e.code, e.debugInfo?.code, e.message].filter((x) => typeof x === 'string').join(' ');
  return /PayloadSize|PayloadTooLarge|payload size|payload too large|\b413\b/i.test(text);
}
