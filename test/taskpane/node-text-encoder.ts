// jsdom lacks TextEncoder, which the Excel fake counts request bytes with: Node's, for tests that drive the fake.
import { TextEncoder } from 'util';

const g = globalThis as unknown as { TextEncoder?: unknown };
if (!g.TextEncoder) g.TextEncoder = TextEncoder;
export {};
