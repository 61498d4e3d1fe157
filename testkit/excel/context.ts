// The fake request context: commands queue up, run in order at sync(), and one request's size is measured and capped.
import { utf8Bytes as utf8Length } from './serial';
import { FakeRichApiError, PAYLOAD_LIMIT_BYTES } from './errors';
import type { FakeWorkbook } from './workbook';

/** One queued command: its JSON payload (what would travel to Excel) and what it does there. */
interface Command {
  payload: unknown;
  run: () => void;
}

/** An object whose properties can be loaded; `deliver` receives them after a successful sync. */
export interface Loadable {
  snapshot(props: string[]): Record<string, unknown>;
  deliver(values: Record<string, unknown>): void;
}

export class FakeRequestContext {
  private queue: Command[] = [];
  /** Set by the proxies; any object created in this context. */
  readonly workbook: unknown;
  readonly application: { suspendApiCalculationUntilNextSync(): void };

  constructor(
    readonly book: FakeWorkbook,
    makeWorkbook: (ctx: FakeRequestContext) => unknown,
    readonly limitBytes = PAYLOAD_LIMIT_BYTES,
  ) {
    this.workbook = makeWorkbook(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        this.enqueue({ op: 'suspendApiCalculationUntilNextSync' }, () => {
          this.book.suspendCalculationCalls++;
        }),
    };
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(payload: unknown, run: () => void): void {
    this.queue.push({ payload, run });
  }

  /** Queues a load; its values are delivered only if the whole sync succeeds. */
  enqueueLoad(
    target: string,
    obj: Loadable,
    props: string[],
    delivered: Map<Loadable, Record<string, unknown>>,
  ): void {
    this.enqueue({ op: 'load', target, props }, () => {
      const values = obj.snapshot(props);
      delivered.set(obj, { ...(delivered.get(obj) ?? {}), ...values });
    });
  }

  private loads = new Map<Loadable, Record<string, unknown>>();

  loadInto(target: string, obj: Loadable, props: string[]): void {
    this.enqueueLoad(target, obj, props, this.loads);
  }

  /**
   * Sends the queue as one request. Over the payload limit nothing runs (as on the web). A failing command
   * stops the batch: the commands before it have run, and the promise rejects with its error.
   */
  async sync(): Promise<void> {
    const queue = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = new Map();
    const requestBytes = utf8Length(JSON.stringify(queue.map((c) => c.payload)));
    const stat = { requestBytes, responseBytes: 0 } as {
      requestBytes: number;
      responseBytes: number;
      failed?: string;
    };
    this.book.requests.push(stat);
    await Promise.resolve();
    const refused = this.book.fault?.({ kind: 'sync' });
    if (refused) {
      stat.failed = 'injected';
      throw refused;
    }
    if (requestBytes > this.limitBytes) {
      stat.failed = 'RequestPayloadSizeLimitExceeded';
      throw new FakeRichApiError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${requestBytes} > ${this.limitBytes} bytes).`,
      );
    }
    for (const c of queue) {
      const { op, target } = c.payload as { op: string; target?: string };
      const fault = this.book.fault?.({ kind: 'command', op, target: target ?? '' });
      if (fault) {
        stat.failed = 'injected';
        throw fault;
      }
      try {
        c.run();
      } catch (err) {
        stat.failed = err instanceof FakeRichApiError ? err.code : 'GeneralException';
        if (err instanceof FakeRichApiError) throw err;
        throw new FakeRichApiError('InvalidArgument', (err as Error).message);
      }
    }
    const response = [...loads.values()];
    stat.responseBytes = utf8Length(JSON.stringify(response));
    if (stat.responseBytes > this.limitBytes) {
      stat.failed = 'ResponsePayloadSizeLimitExceeded';
      throw new FakeRichApiError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${stat.responseBytes} > ${this.limitBytes} bytes).`,
      );
    }
    for (const [obj, values] of loads) obj.deliver(values);
  }
}
