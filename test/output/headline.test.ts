// The one-line run summary every host shows: the CLI's wording, singular and plural, the pass rate to a tenth.
import { runHeadline } from '../../core';

describe('runHeadline', () => {
  it.each([
    [
      { rules: 4, resources: 4, checks: 7, passRate: 2 / 3 },
      'Checked 4 rules against 4 resources: 7 checks, pass rate 66.7%.',
    ],
    [
      { rules: 1, resources: 1, checks: 1, passRate: 1 },
      'Checked 1 rule against 1 resource: 1 check, pass rate 100.0%.',
    ],
    [
      { rules: 0, resources: 0, checks: 0, passRate: 1 },
      'Checked 0 rules against 0 resources: 0 checks, pass rate 100.0%.',
    ],
    [
      { rules: 2, resources: 3, checks: 6, passRate: 0.5 },
      'Checked 2 rules against 3 resources: 6 checks, pass rate 50.0%.',
    ],
  ])('%j', (figures, line) => {
    expect(runHeadline(figures)).toBe(line);
  });
});
