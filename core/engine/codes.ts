// The status codes of the columnar runs: a byte per (rule, resource) pair, and the status each stands for.
import type { Status } from '../types';

/** Status codes kept per (rule, resource) pair, so passing checks cost a byte, not an object. */
export const CODE = { PASS: 0, FAIL: 1, WAIVED: 2, ERROR: 3, NOT_APPLICABLE: 4 } as const;

/** The status of each code. */
export const STATUS_OF: readonly Status[] = ['PASS', 'FAIL', 'WAIVED', 'ERROR', 'NOT_APPLICABLE'];
