// Values with units: Kubernetes quantities (`500m`, `1Gi`, `2e3`) and durations (`4h30m`, `PT4H`), read by value.

/** Decimal suffixes as powers of ten, binary suffixes as powers of two (Kubernetes resource.Quantity). */
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

export interface Quantity {
  value: number;
  /** The value was written with a suffix (`500m`, `1Gi`), not as a plain number. */
  unit: boolean;
}

/** A Kubernetes quantity from a number or text (`1000m`, `1Gi`, `2e3`, `1024`); undefined otherwise. Case matters: `m` is milli, `M` mega. */
export function readQuantity(v: unknown): Quantity | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, unit: false } : undefined;
  if (typeof v !== 'string' || v.length > 40) return undefined;
  const m = QUANTITY.exec(v.trim());
  if (!m) return undefined;
  const [, mantissa, suffix, exp] = m;
  let value: number;
  if (suffix !== undefined && suffix in BINARY) value = Number(mantissa) * 2 ** BINARY[suffix];
  // Building the decimal text and reading it once keeps 300m exactly 0.3, as Number("0.3") is.
  else value = Number(`${mantissa}e${(suffix ? DECIMAL[suffix] : 0) + (exp ? Number(exp) : 0)}`);
  if (!Number.isFinite(value)) return undefined;
  return { value, unit: suffix !== undefined };
}

// Go's time.ParseDuration units, in seconds.
const GO_UNITS: Record<string, number> = {
  h: 3600,
  m: 60,
  s: 1,
  ms: 1e-3,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ns: 1e-9,
};
const GO_DURATION = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:h|ms|m|s|us|µs|μs|ns))+$/;
const GO_PART = /(\d+(?:\.\d*)?|\.\d+)(h|ms|m|s|us|µs|μs|ns)/g;

// ISO 8601: a year counts 365 days and a month 30, as the docs say; weeks, days and the time part are exact.
const ISO_DURATION =
  /^([+-])?P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;
const ISO_UNITS = [365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1];

/** A duration in seconds from Go text (`1h30m`, `90s`, `500ms`, `0`) or ISO 8601 (`P30D`, `PT4H`); undefined otherwise. */
export function readDuration(v: unknown): number | undefined {
  if (typeof v !== 'string' || v.length > 60) return undefined;
  const text = v.trim();
  if (text === '0' || text === '+0' || text === '-0') return 0;
  if (GO_DURATION.test(text)) {
    let seconds = 0;
    for (const [, n, unit] of text.matchAll(GO_PART)) seconds += Number(n) * GO_UNITS[unit];
    return text.startsWith('-') ? -seconds : seconds;
  }
  const iso = ISO_DURATION.exec(text);
  if (!iso || /^[+-]?PT?$/i.test(text) || /T$/i.test(text)) return undefined;
  let seconds = 0;
  for (let i = 0; i < ISO_UNITS.length; i++) {
    const n = iso[i + 2];
    if (n !== undefined) seconds += Number(n.replace(',', '.')) * ISO_UNITS[i];
  }
  return iso[1] === '-' ? -seconds : seconds;
}

/** What a written value with a unit stands for: a quantity, a duration, or (`10m`) either, decided by what it meets. */
export interface UnitValue {
  quantity?: number;
  /** Seconds. */
  duration?: number;
}

/** The unit value of text written with a unit (`1Gi`, `8h`, `10m`, `P30D`); undefined for plain numbers and other text. */
export function unitValue(v: unknown): UnitValue | undefined {
  if (typeof v !== 'string') return undefined;
  const q = readQuantity(v);
  const quantity = q?.unit ? q.value : undefined;
  const duration = readDuration(v);
  // A plain `0` is a number; a duration needs its unit to be told from one.
  if (quantity === undefined && (duration === undefined || /^[+-]?0$/.test(v.trim()))) return undefined;
  return { quantity, duration };
}

/** A duration as Go writes it, without zero parts: `4h30m`, `90s` → `1m30s`, `0.5s` → `500ms`, `0s`. */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(seconds);
  if (rest < 1) return `${sign}${round(rest * 1000)}ms`;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  rest = round(rest - m * 60);
  return `${sign}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${rest ? `${rest}s` : ''}`;
}

// Float sums like 0.1 + 0.2 print as 0.3, not 0.30000000000000004.
function round(n: number): number {
  return Number(n.toPrecision(12));
}
