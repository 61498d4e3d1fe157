// Recognising Excel on the web's payload-size errors, so a writer or reader can halve its chunk and retry.

/** True for "RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded" and their kin (413, "payload too large"). */
export function isPayloadError(err: unknown): boolean {
  if (err === null || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; debugInfo?: { code?: unknown } };
  const text = [e.code, e.debugInfo?.code, e.message].filter((x) => typeof x === 'string').join(' ');
  return /PayloadSize|PayloadTooLarge|payload size|payload too large|\b413\b/i.test(text);
}

/**
 * True when a read was refused for its size: a payload error, or a range over Excel's cell limit for one read
 * ("RangeExceedsLimit", a used range of more than about 5 million cells). Either way, smaller reads succeed.
 */
export function isReadTooLarge(err: unknown): boolean {
  if (isPayloadError(err)) return true;
  if (err === null || typeof err !== 'object') return false;
  const e = err as { code?: unknown; debugInfo?: { code?: unknown } };
  return e.code === 'RangeExceedsLimit' || e.debugInfo?.code === 'RangeExceedsLimit';
}
