// Turns the four engine outcomes into the table, the targets with ✔/✖, and the --json object.
import type { ChildReply } from './child';
import { median } from './pool';
import { ENGINE_LABELS, ENGINES, type EngineName } from './engines';

export type Replies = Record<EngineName, ChildReply>;

export interface Figures {
  checks: number;
  seconds: number;
  checksPerSecond: number;
  peakRssMB: number;
  baselineRssMB: number;
  /** Resources evaluated. */
  sample: number;
  /** true when the engine ran on a sample and its checks/s stands for the whole set. */
  scaled: boolean;
  /** Seconds the whole set would take at the measured rate. */
  projectedSeconds: number;
  /** The first, cold run on the same workload (compile + evaluate). */
  firstRunSeconds: number;
  firstRunChecksPerSecond: number;
  /** Reading the grids into the engine's input (median), and reading plus compile + evaluate. */
  readSeconds: number;
  withReadingSeconds: number;
  withReadingChecksPerSecond: number;
}

export function figures(reply: ChildReply, fullChecks: number): Figures | undefined {
  if (!reply.ok) return undefined;
  const { checks, seconds, resources, firstRunSeconds, readSeconds, withReadingSeconds } = reply.outcome;
  const rate = (s: number) => (s > 0 ? checks / s : Infinity);
  const checksPerSecond = rate(seconds);
  const firstRunChecksPerSecond = rate(firstRunSeconds);
  return {
    checks,
    seconds: round(seconds, 3),
    checksPerSecond: Math.round(checksPerSecond),
    peakRssMB: round(reply.peakRssMB, 1),
    baselineRssMB: round(reply.baselineRssMB, 1),
    sample: resources,
    scaled: checks < fullChecks,
    projectedSeconds: round(fullChecks / checksPerSecond, 3),
    firstRunSeconds: round(firstRunSeconds, 3),
    firstRunChecksPerSecond: Math.round(firstRunChecksPerSecond),
    readSeconds: round(readSeconds, 3),
    withReadingSeconds: round(withReadingSeconds, 3),
    withReadingChecksPerSecond: Math.round(rate(withReadingSeconds)),
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export interface Target {
  text: string;
  /** undefined: could not be judged (an engine did not run). */
  met: boolean | undefined;
  actual: string;
}

/** Which figure the targets are judged on: compile + evaluate (the targets), the same with reading, or the cold first runs. */
export type Basis = 'measured' | 'withReading' | 'firstRun';

export function targets(f: Partial<Record<EngineName, Figures>>, basis: Basis = 'measured'): Target[] {
  const rate = (g: Figures | undefined) =>
    basis === 'firstRun'
      ? g?.firstRunChecksPerSecond
      : basis === 'withReading'
        ? g?.withReadingChecksPerSecond
        : g?.checksPerSecond;
  const rs = rate(f.rulesheet);
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? undefined : a / b;
  const vsJre = ratio(rs, rate(f.jsonRulesEngine));
  const vsLogic = ratio(rs, rate(f.jsonLogic));
  const handOverRs = ratio(rate(f.handWritten), rs);
  const rss = f.rulesheet?.peakRssMB;
  const show = (x: number | undefined, unit: string) => (x === undefined ? 'n/a' : `${x.toFixed(1)}${unit}`);
  return [
    {
      text: 'rulesheet ≥ 50× json-rules-engine checks/s',
      met: vsJre === undefined ? undefined : vsJre >= 50,
      actual: show(vsJre, '×'),
    },
    {
      text: 'rulesheet ≥ 10× json-logic-js checks/s',
      met: vsLogic === undefined ? undefined : vsLogic >= 10,
      actual: show(vsLogic, '×'),
    },
    {
      text: 'hand-written ÷ rulesheet checks/s ≤ 1.5',
      met: handOverRs === undefined ? undefined : handOverRs <= 1.5,
      actual: show(handOverRs, '×'),
    },
    {
      text: 'rulesheet peak RSS < 1024 MB',
      met: rss === undefined ? undefined : rss < 1024,
      actual: show(rss, ' MB'),
    },
  ];
}

/**
 * The hand-written loop against the same peers, in the same run: the speed the issue calls the limit. A peer target
 * above the loop's own ratio asks rulesheet to be faster than the loop, which the line says in so many words.
 */
export function loopScale(f: Partial<Record<EngineName, Figures>>): string | undefined {
  const hand = f.handWritten?.checksPerSecond;
  if (hand === undefined) return undefined;
  const parts: string[] = [];
  for (const [peer, wanted] of [
    ['jsonRulesEngine', 50],
    ['jsonLogic', 10],
  ] as const) {
    const rate = f[peer]?.checksPerSecond;
    if (rate === undefined || rate <= 0) continue;
    const loop = hand / rate;
    const asks = wanted / loop;
    parts.push(
      `${loop.toFixed(1)}× ${ENGINE_LABELS[peer]} (so ${wanted}× asks for ${asks.toFixed(2)}× the loop's speed)`,
    );
  }
  return parts.length === 0 ? undefined : `for scale, the hand-written loop in this run: ${parts.join('; ')}`;
}

const num = (x: number) => x.toLocaleString('en-US');

/** A CLI run as cli-end-to-end.ts reports it, with the size it ran at. */
interface CliRunAt {
  size: { rules: number; resources: number };
  runs: { what: string; seconds: number; peakRssMB: number; exitCode: number }[];
}

/**
 * The targets around the engine: whole validate() ≤ 5× compile + evaluate; the CLI, .xlsx in and out at 50,000 × 500,
 * ≤ 8× the whole validate() (of the same workload and size) and ≤ 1.5 GB; every report at 200,000 × 500 ≤ 2 GB.
 * With `turns` (the CLI run and validate() timed in turn, benchCliXlsxInTurns), the CLI ratio is the median run's
 * over the median validate()'s of those rounds, and the memory target holds for every one of them.
 */
export function aroundTargets(
  validateSeconds: number | undefined,
  validateRatio: number | undefined,
  cli: CliRunAt[],
  turns?: { runs: CliRunAt['runs']; validateSeconds: number[] },
): Target[] {
  const list: Target[] = [
    {
      text: 'whole validate() ≤ 5× compile + evaluate',
      met: validateRatio === undefined ? undefined : validateRatio <= 5,
      actual: validateRatio === undefined ? 'n/a' : `${validateRatio.toFixed(1)}×`,
    },
  ];
  const large = cli.find((c) => c.size.resources === 50_000 && c.size.rules === 500);
  const single = large?.runs.find((r) => r.what.startsWith('.xlsx in and out'));
  const timed = turns && turns.runs.length > 0 && turns.validateSeconds.length > 0 ? turns : undefined;
  const runs = [...(single ? [single] : []), ...(timed?.runs ?? [])];
  const failed = runs.find((r) => r.exitCode !== 0);
  // In turns: the medians of the same minutes. Otherwise the one run over the engine section's validate().
  const cliSeconds = timed ? median(timed.runs.map((r) => r.seconds)) : single?.seconds;
  const over = timed ? median(timed.validateSeconds) : validateSeconds;
  const ratio = cliSeconds !== undefined && over ? cliSeconds / over : undefined;
  list.push({
    text: 'CLI .xlsx in and out at 50,000 × 500 ≤ 8× the whole validate()',
    met: ratio === undefined || failed ? undefined : ratio <= 8,
    actual:
      ratio === undefined
        ? 'not run'
        : failed
          ? `exit ${failed.exitCode}`
          : timed
            ? `${ratio.toFixed(1)}× (${cliSeconds?.toFixed(2)} s ÷ ${over?.toFixed(3)} s, medians of ${timed.runs.length} rounds taken in turn)`
            : `${ratio.toFixed(1)}× (${cliSeconds?.toFixed(1)} s, exit 0)`,
  });
  const peak = runs.length > 0 ? Math.max(...runs.map((r) => r.peakRssMB)) : undefined;
  list.push({
    text: 'CLI .xlsx in and out at 50,000 × 500 peak RSS ≤ 1.5 GB',
    met: peak === undefined || failed ? undefined : peak <= 1536,
    actual:
      peak === undefined
        ? 'not run'
        : `${peak.toFixed(0)} MB${runs.length > 1 ? ` (largest of ${runs.length} runs)` : ''}`,
  });
  const reports = cli.find((c) => c.size.resources === 200_000);
  for (const r of reports?.runs ?? [])
    list.push({
      text: `${r.what} at 200,000 × ${reports?.size.rules}: succeeds with peak RSS ≤ 2 GB`,
      met: r.exitCode === 0 && r.peakRssMB <= 2048,
      actual: `exit ${r.exitCode}, ${r.peakRssMB.toFixed(0)} MB, ${r.seconds.toFixed(1)} s`,
    });
  if (!reports)
    list.push({
      text: 'reports at 200,000 × 500 succeed with peak RSS ≤ 2 GB',
      met: undefined,
      actual: 'not run',
    });
  return list;
}

export function table(replies: Replies, f: Partial<Record<EngineName, Figures>>): string[] {
  const rs = f.rulesheet?.checksPerSecond;
  const head = [
    'engine',
    'checks',
    'seconds',
    'checks/s',
    'first run s',
    'reading s',
    'peak RSS MB',
    'vs rulesheet',
  ];
  const rows = ENGINES.map((name) => {
    const g = f[name];
    const reply = replies[name];
    if (!g)
      return [
        ENGINE_LABELS[name],
        '—',
        '—',
        '—',
        '—',
        '—',
        '—',
        reply.ok ? '' : `did not run: ${reply.error.split('\n')[0]}`,
      ];
    return [
      ENGINE_LABELS[name],
      `${num(g.checks)}${g.scaled ? ' *' : ''}`,
      g.seconds.toFixed(3),
      num(g.checksPerSecond),
      g.firstRunSeconds.toFixed(3),
      g.readSeconds.toFixed(3),
      g.peakRssMB.toFixed(0),
      rs === undefined ? 'n/a' : `${(g.checksPerSecond / rs).toFixed(2)}×`,
    ];
  });
  const last = head.length - 1;
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (c === last ? 0 : r[c].length))));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 || c === last ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function targetLines(list: Target[]): string[] {
  return list.map(
    (t) => `${t.met === undefined ? '?' : t.met ? '✔' : '✖'} ${t.text} (measured: ${t.actual})`,
  );
}
