// Command-line options of `npm run bench`.
import { DEFAULT_SIZE, type BenchSize } from './generate';

export interface BenchOptions {
  size: BenchSize;
  /** Resources per type json-rules-engine runs on (it is slow and async). */
  jreSample: number;
  /** Resources per type json-logic-js runs on; null: all. */
  logicSample: number | null;
  json: boolean;
  /** Run every engine in this process instead of one child process each (quicker, memory figures shared). */
  inProcess: boolean;
  /** Measured runs per engine after its first (cold) run; the figure is their median. */
  runs: number;
  /** Child processes per engine, the engines taking turns; its figures pool every round (pool.ts). */
  rounds: number;
  /** Skip the CLI end-to-end runs. */
  noCli: boolean;
  /** Only the chosen workload's engines, not both. */
  oneWorkload: boolean;
  /** Only the small sizes of the adapters and the CLI (no 50,000 × 500, no reports at 200,000 × 500). */
  quick: boolean;
  /** Time only rules that reach across resources (joins.ts), on a generated cluster of --resources objects. */
  joins: boolean;
}

export const USAGE = `npm run bench -- [--rules N] [--resources N] [--types N] [--seed N]
                    [--sample N] [--logic-sample N|all] [--runs N] [--rounds N] [--in-process] [--json]
                    [--workload distinct|duplicates] [--one-workload] [--quick] [--no-cli] [--joins]
  --sample N         resources per type json-rules-engine runs on (default 1000); its checks/s is scaled
  --logic-sample N   resources per type json-logic-js runs on (default all)
  --runs N           measured runs per engine after its first, cold run (default 3); the figure is their median
  --rounds N         processes per engine, the engines taking turns (default 2); the figure is the median of
                     every measured run of every round
  --in-process       run the engines in this process, not one child process each
  --json             print one JSON object on stdout, everything else on stderr
  --workload W       the workload the targets are judged on: distinct (default), every rule a distinct check;
                     duplicates, the catalog's rules, which repeat checks (157 distinct among 500). Both run.
  --one-workload     run only the chosen workload's engines
  --quick            adapters and CLI at 10,000 × 200 only (skips 50,000 × 500 and the reports at 200,000 × 500)
  --no-cli           skip the CLI end-to-end runs
  --joins            time only rules that reach across resources (lookups, uniqueness, selectors, keyed
                     lists) on a generated cluster of --resources objects; no peers`;

function positiveInt(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${flag} wants a positive whole number, got '${text ?? ''}'`);
  return n;
}

export function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    size: { ...DEFAULT_SIZE },
    jreSample: 1000,
    logicSample: null,
    json: false,
    inProcess: false,
    runs: 3,
    rounds: 2,
    noCli: false,
    oneWorkload: false,
    quick: false,
    joins: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = () => argv[++i];
    switch (flag) {
      case '--rules':
        options.size.rules = positiveInt(flag, next());
        break;
      case '--resources':
        options.size.resources = positiveInt(flag, next());
        break;
      case '--types':
        options.size.types = positiveInt(flag, next());
        break;
      case '--seed':
        options.size.seed = Number.parseInt(next() ?? '', 10) || 0;
        break;
      case '--sample':
        options.jreSample = positiveInt(flag, next());
        break;
      case '--logic-sample': {
        const v = next();
        options.logicSample = v === 'all' ? null : positiveInt(flag, v);
        break;
      }
      case '--runs':
        options.runs = positiveInt(flag, next());
        break;
      case '--rounds':
        options.rounds = positiveInt(flag, next());
        break;
      case '--json':
        options.json = true;
        break;
      case '--in-process':
        options.inProcess = true;
        break;
      case '--workload': {
        const w = next();
        if (w !== 'distinct' && w !== 'duplicates')
          throw new Error(`--workload wants distinct or duplicates, got '${w ?? ''}'`);
        options.size.workload = w;
        break;
      }
      case '--one-workload':
        options.oneWorkload = true;
        break;
      case '--quick':
        options.quick = true;
        break;
      case '--no-cli':
        options.noCli = true;
        break;
      case '--joins':
        options.joins = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option '${flag}'\n${USAGE}`);
    }
  }
  return options;
}
