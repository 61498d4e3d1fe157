// Call counting for the Apps Script fake: every API object is handed out behind a Proxy that counts its method calls.
export class CallLog {
  readonly counts = new Map<string, number>();
  total = 0;
  /** A fault to inject: called before every call the script makes; an error it returns is thrown instead of the call. */
  failure?: (name: string) => Error | undefined;

  add(name: string): void {
    this.total++;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    const error = this.failure?.(name);
    if (error) throw error;
  }

  /** Calls whose name starts with the prefix (`Range.setValues`, `Range.`); all calls without one. */
  count(prefix = ''): number {
    if (!prefix) return this.total;
    let n = 0;
    for (const [name, c] of this.counts) if (name.startsWith(prefix)) n += c;
    return n;
  }

  reset(): void {
    this.counts.clear();
    this.total = 0;
  }
}

/** The base of every fake API object: its kind names the calls (`Sheet.getRange`). */
export abstract class FakeObject {
  abstract readonly kind: string;
  constructor(readonly log: CallLog) {}
}

const proxies = new WeakMap<object, object>();
const targets = new WeakMap<object, object>();

function isFakeArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.length > 0 && (v[0] instanceof FakeObject || targets.has(v[0] as object));
}

/** The object the script sees; internal code keeps the raw one. Methods starting with `_` are the tests' own. */
export function expose<T>(value: T): T {
  if (isFakeArray(value)) return value.map((v) => expose(v)) as T;
  if (!(value instanceof FakeObject)) return value;
  const cached = proxies.get(value);
  if (cached) return cached as T;
  const target = value;
  const proxy = new Proxy(target, {
    get(t, prop) {
      const v = Reflect.get(t, prop, t) as unknown;
      if (
        typeof v !== 'function' ||
        typeof prop !== 'string' ||
        prop.startsWith('_') ||
        prop === 'constructor'
      )
        return v;
      return (...args: unknown[]) => {
        t.log.add(`${t.kind}.${prop}`);
        return expose((v as (...a: unknown[]) => unknown).apply(t, args.map(unexpose)));
      };
    },
  });
  proxies.set(target, proxy);
  targets.set(proxy, target);
  return proxy as T;
}

/** The raw fake behind what the script passed back (a range to setRanges, a trigger to deleteTrigger). */
export function unexpose<T>(value: T): T {
  if (isFakeArray(value)) return value.map((v) => unexpose(v)) as T;
  return ((value !== null && typeof value === 'object' && targets.get(value)) || value) as T;
}
