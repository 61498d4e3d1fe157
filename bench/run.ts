// `npm run bench`: builds the seeded rulebook, times rulesheet and three peers, checks they agree, prints figures.
import { fork } from 'child_process';
import os from 'os';
import path from 'path';
import { parseArgs, type BenchOptions } from './args';
import type { ChildReply, ChildRequest } from './child';
import { compareCounts, totals } from './compare';
import { ENGINE_LABELS, ENGINES, runEngine, type EngineName } from './engines';
import { execFileSync } from 'child_process';
import { benchCliEndToEnd, CLI_E2E_LARGE, CLI_E2E_SIZE, cliRunLines, type CliRun } from './cli-end-to-end';
import { adapterLine, benchExcelAdapter } from './excel-adapter';
import { distinctChecks } from './distinct';
import { generateWorkbook, type Workload } from './generate';
import { benchJoins, JOIN_RULES, joinLines } from './joins';
import { rssMB, sampleRss } from './measure';
import type { Counts } from './peers/types';
import { figures, table, targetLines, targets, type Figures, type Replies } from './report';

function forkChild(request: ChildRequest): Promise<ChildReply> {
  return new Promise((resolve) => {
    const child = fork(path.join(__dirname, 'child.ts'), [JSON.stringify(request)], {
      execArgv: ['--expose-gc', '--require', require.resolve('ts-node/register/transpile-only')],
      // The child's stdout goes to our stderr, so --json leaves stdout to the one JSON object.
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    let reply: ChildReply | undefined;
    child.on('message', (m) => (reply = m as ChildReply));
    child.on('exit', (code, signal) =>
      resolve(reply ?? { ok: false, error: `child exited (${signal ?? code}) without a reply` }),
    );
  });
}

async function runAll(options: BenchOptions, log: (s: string) => void): Promise<Replies> {
  const perType: Record<EngineName, number | null> = {
    rulesheet: null,
    handWritten: null,
    jsonLogic: options.logicSample,
    jsonRulesEngine: options.jreSample,
  };
  const compareAt = [options.jreSample, ...(options.logicSample === null ? [] : [options.logicSample])];
  const replies = {} as Replies;
  const grids = options.inProcess ? generateWorkbook(options.size) : undefined;
  for (const engine of ENGINES) {
    log(`running ${ENGINE_LABELS[engine]}…`);
    const request: ChildRequest = {
      engine,
      size: options.size,
      perType: perType[engine],
      compareAt,
      runs: options.runs,
    };
    if (grids) {
      const baselineRssMB = rssMB();
      const sampler = sampleRss();
      try {
        replies[engine] = {
          ok: true,
          outcome: await runEngine(engine, grids, request.perType, compareAt, options.runs),
          peakRssMB: sampler.stop(),
          baselineRssMB,
        };
      } catch (e) {
        sampler.stop();
        replies[engine] = { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    } else {
      replies[engine] = await forkChild(request);
    }
  }
  return replies;
}

/** Counts of a full-set engine on the sample a peer ran (null: the whole set). */
function countsAt(reply: ChildReply, perType: number | null): Counts | undefined {
  if (!reply.ok) return undefined;
  if (perType === null) return reply.outcome.counts;
  return reply.outcome.sampled.find((s) => s.perType === perType)?.counts;
}

function checkAgreement(
  replies: Replies,
  options: BenchOptions,
  log: (s: string) => void,
): Record<string, boolean | null> {
  const verdicts: Record<string, boolean | null> = {};
  const peers: [EngineName, number | null][] = [
    ['handWritten', null],
    ['jsonLogic', options.logicSample],
    ['jsonRulesEngine', options.jreSample],
  ];
  for (const [peer, perType] of peers) {
    const reply = replies[peer];
    if (!reply.ok) continue;
    for (const judge of ['rulesheet', 'handWritten'] as EngineName[]) {
      if (judge === peer) continue;
      const theirs = countsAt(replies[judge], perType);
      if (!theirs) continue;
      const a = compareCounts(reply.outcome.counts, theirs, ENGINE_LABELS[peer], ENGINE_LABELS[judge]);
      verdicts[`${peer}~${judge}`] = a.agree;
      const where = perType === null ? 'all resources' : `first ${perType} resources per type`;
      if (a.agree)
        log(`✔ ${ENGINE_LABELS[peer]} agrees with ${ENGINE_LABELS[judge]} on every rule (${where})`);
      else {
        log(
          `⚠ WARNING: ${ENGINE_LABELS[peer]} disagrees with ${ENGINE_LABELS[judge]} on ${a.differing} rules (${where}):`,
        );
        for (const d of a.differences) log(`    ${d}`);
      }
    }
  }
  return verdicts;
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  const out = (s: string) => (options.json ? process.stderr : process.stdout).write(`${s}\n`);
  if (options.joins) {
    // The peers cannot express a join, so this is rulesheet alone on a rulebook of its own.
    const figures = benchJoins(options.size, options.runs);
    for (const line of joinLines(figures, JOIN_RULES.length - 1)) out(line);
    if (options.json) process.stdout.write(`${JSON.stringify({ joins: figures })}\n`);
    return;
  }
  const { rules, resources, types, seed } = options.size;
  out(`Rulesheet benchmark: ${num(rules)} rules, ${num(resources)} resources, ${types} types, seed ${seed}`);
  // Both workloads' share of distinct checks, so nobody mistakes copied judgements for speed.
  const workload: Workload = options.size.workload ?? 'duplicates';
  for (const w of ['distinct', 'duplicates'] as Workload[]) {
    const rules = generateWorkbook({ ...options.size, resources: 0, workload: w })[0].rows;
    const n = distinctChecks(rules);
    out(
      `${w === workload ? 'workload' : 'other workload'} ${w}${w === workload ? '' : ` (--workload ${w})`}: ` +
        `${num(n)} distinct checks among ${num(rules.length - 1)} rules (${Math.round((100 * n) / Math.max(1, rules.length - 1))}%)`,
    );
  }
  out(
    options.inProcess
      ? 'engines run one after another in this process (memory figures are shared)'
      : 'each engine runs in its own child process (its own peak RSS)',
  );

  const load = () => os.loadavg()[0].toFixed(2);
  out(
    `Node ${process.version}, ${os.cpus().length} CPUs, load average ${load()} before the run (other work on the machine skews the figures)`,
  );
  const replies = await runAll(options, out);
  out(`load average ${load()} after the run`);
  const hand = replies.handWritten;
  const fullChecks = hand.ok
    ? hand.outcome.checks
    : replies.rulesheet.ok
      ? replies.rulesheet.outcome.checks
      : 0;
  const f: Partial<Record<EngineName, Figures>> = {};
  for (const e of ENGINES) f[e] = figures(replies[e], fullChecks);

  out('');
  for (const line of table(replies, f)) out(line);
  for (const e of ENGINES) {
    const g = f[e];
    if (g?.scaled)
      out(
        `* ${ENGINE_LABELS[e]} ran on a sample: ${num(g.sample)} resources (${num(g.checks)} of ${num(fullChecks)} checks); its checks/s is scaled to the whole set (≈${g.projectedSeconds.toFixed(1)} s for all).`,
      );
  }
  if (hand.ok) {
    const t = totals(hand.outcome.counts);
    out(
      `pass rate of the generated rulebook: ${((100 * t.pass) / (t.pass + t.fail)).toFixed(1)}% (${num(t.pass)} passing, ${num(t.fail)} failing)`,
    );
  }
  const full = replies.rulesheet.ok ? replies.rulesheet.outcome.validateSeconds : undefined;
  if (full !== undefined)
    out(
      `rulesheet's whole validate() (engine plus routing, waivers, tracking, summary, history and patches): ${full.toFixed(3)} s`,
    );
  const engineSeconds = f.rulesheet?.seconds;
  const validateRatio = full !== undefined && engineSeconds ? full / engineSeconds : undefined;
  if (validateRatio !== undefined)
    out(
      `whole validate() ÷ compile + evaluate: ${validateRatio.toFixed(1)}× (${full?.toFixed(3)} s ÷ ${engineSeconds?.toFixed(3)} s)`,
    );
  const reported = replies.rulesheet.ok ? (replies.rulesheet.outcome.problems ?? []) : [];
  if (reported.length) {
    out(`⚠ WARNING: rulesheet reported ${reported.length} problems on the generated rulebook, e.g.:`);
    for (const p of reported.slice(0, 5)) out(`    ${p}`);
  }
  out('');
  const agreement = checkAgreement(replies, options, out);
  out('');
  const list = targets(f);
  out(
    `targets, on compile + evaluate (median of ${options.runs} runs of each engine after its first, cold run; each on a settled heap):`,
  );
  for (const line of targetLines(list)) out(line);
  const withReading = targets(f, 'withReading');
  const cold = targets(f, 'firstRun');
  const briefly = (list: typeof cold) =>
    list
      .slice(0, 3)
      .map((t) => `${t.text.replace(' checks/s', '')}: ${t.actual}`)
      .join('; ');
  out(`the same with reading the grids counted in: ${briefly(withReading)}`);
  out(`the same on the first (cold) runs: ${briefly(cold)}`);
  out(
    'notes: json-rules-engine and json-logic-js get custom operators for case-insensitive text, starts with and regex (JS RegExp, not RE2);',
  );
  out(
    '       "seconds" is compile + evaluate: translating the rules and judging every pair; "reading s" is reading the grids',
  );
  out(
    "       into each engine's input (rulesheet: every sheet with every problem; json-logic-js and json-rules-engine: a facts",
  );
  out(
    '       object per resource; hand-written: rows by type). rulesheet keeps a status per check and can explain every',
  );
  out('       non-passing one; hand-written lists failing rows.');

  // The hosts: 10,000 resources × 200 rules through each adapter on its in-memory fake.
  out('');
  const excel = await benchExcelAdapter();
  out(adapterLine(excel));
  const sheetsLine = execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'sheets-adapter.ts')],
    {
      encoding: 'utf8',
    },
  ).trim();
  out(sheetsLine);

  // The CLI end to end, each run in its own process: CSV and .xlsx in and out, and report only.
  const cli: { size: typeof CLI_E2E_SIZE; runs: CliRun[] }[] = [];
  if (!options.noCli) {
    for (const size of options.cliLarge ? [CLI_E2E_SIZE, CLI_E2E_LARGE] : [CLI_E2E_SIZE]) {
      out('');
      const runs = await benchCliEndToEnd(size);
      cli.push({ size, runs });
      for (const line of cliRunLines(size, runs)) out(line);
    }
  }

  if (options.json) {
    const pick = (g: Figures | undefined, reply: ChildReply, sampled: boolean) => {
      if (!g) return { error: reply.ok ? 'no figures' : reply.error };
      const base = {
        seconds: g.seconds,
        checksPerSecond: g.checksPerSecond,
        peakRssMB: g.peakRssMB,
        baselineRssMB: g.baselineRssMB,
        firstRunSeconds: g.firstRunSeconds,
        firstRunChecksPerSecond: g.firstRunChecksPerSecond,
        readSeconds: g.readSeconds,
        withReadingSeconds: g.withReadingSeconds,
        withReadingChecksPerSecond: g.withReadingChecksPerSecond,
        measuredSeconds: reply.ok
          ? reply.outcome.measuredSeconds.map((x) => Math.round(x * 1000) / 1000)
          : [],
      };
      return sampled
        ? {
            ...base,
            sample: g.sample,
            scaled: g.scaled,
            checks: g.checks,
            projectedSeconds: g.projectedSeconds,
          }
        : base;
    };
    const json = {
      checks: fullChecks,
      rulesheet: {
        ...pick(f.rulesheet, replies.rulesheet, false),
        validateSeconds: full ?? null,
        validateRatio: validateRatio ?? null,
      },
      jsonRulesEngine: pick(f.jsonRulesEngine, replies.jsonRulesEngine, true),
      jsonLogic: pick(f.jsonLogic, replies.jsonLogic, true),
      handWritten: pick(f.handWritten, replies.handWritten, false),
      agreement,
      adapters: { excel, sheets: sheetsLine },
      cli,
      targets: list.map((t) => ({ target: t.text, met: t.met ?? null, measured: t.actual })),
      withReadingTargets: withReading.map((t) => ({
        target: t.text,
        met: t.met ?? null,
        measured: t.actual,
      })),
      firstRunTargets: cold.map((t) => ({ target: t.text, met: t.met ?? null, measured: t.actual })),
    };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  }
  const peerFailed = (['handWritten', 'jsonLogic', 'jsonRulesEngine'] as EngineName[]).some(
    (e) => !replies[e].ok,
  );
  process.exitCode = peerFailed ? 1 : 0;
}

const num = (x: number) => x.toLocaleString('en-US');

void main();
