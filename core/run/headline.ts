// The one-line run summary every host shows after Validate (the CLI's first summary line, the toast, the command).
import type { RunSummary } from '../output/types';

type Figures = Pick<RunSummary, 'rules' | 'resources' | 'checks' | 'passRate'>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `Checked 4 rules against 4 resources: 7 checks, pass rate 66.7%.` */
export function runHeadline(s: Figures): string {
  return `Checked ${plural(s.rules, 'rule')} against ${plural(s.resources, 'resource')}: ${plural(s.checks, 'check')}, pass rate ${(s.passRate * 100).toFixed(1)}%.`;
}
