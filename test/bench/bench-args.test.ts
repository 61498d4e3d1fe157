// npm run bench's CLI end-to-end options: the 10k × 200 runs by default, 50k × 500 only when asked, none with --no-cli.
import { parseArgs } from '../../bench/args';
import { CLI_E2E_LARGE, CLI_E2E_SIZE, cliRunLines } from '../../bench/cli-end-to-end';

test.each([
  [[], false, false],
  [['--cli-large'], true, false],
  [['--no-cli'], false, true],
])('%j → cliLarge %s, noCli %s', (argv, cliLarge, noCli) => {
  const options = parseArgs(argv as string[]);
  expect(options.cliLarge).toBe(cliLarge);
  expect(options.noCli).toBe(noCli);
});

test('the sizes are the issue’s: 10,000 × 200 by default, 50,000 × 500 with --cli-large', () => {
  expect([CLI_E2E_SIZE.resources, CLI_E2E_SIZE.rules]).toEqual([10_000, 200]);
  expect([CLI_E2E_LARGE.resources, CLI_E2E_LARGE.rules]).toEqual([50_000, 500]);
});

test('each run prints its wall time and peak RSS, and an exit code only when it is not 0', () => {
  const lines = cliRunLines(CLI_E2E_SIZE, [
    { what: 'CSV in and out', seconds: 2.345, peakRssMB: 250.4, exitCode: 0 },
    { what: '.xlsx in and out', seconds: 9, peakRssMB: 980, exitCode: 2 },
  ]);
  expect(lines).toEqual([
    'cli end to end, 10,000 resources × 200 rules:',
    '  CSV in and out: 2.35 s, peak RSS 250 MB',
    '  .xlsx in and out: 9.00 s, peak RSS 980 MB, exit 2',
  ]);
});
