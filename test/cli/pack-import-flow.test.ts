// A new user's path: init --pack aws-foundations, import aws-config, validate: the open bastion and the admin user FAIL.
import * as fs from 'fs';
import * as path from 'path';
import { readRulebookFile } from '../../cli/io/rulebook-file';
import { NOW, cli, tempDir } from './helpers/rulebook';

const FIXTURES = path.join(__dirname, '../fixtures/import');

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Results rows as `Rule ID Resource ID Status`. */
async function results(book: string): Promise<string[]> {
  const grid = (await readRulebookFile(book)).grids.find((g) => g.name === 'Results')!;
  const h = grid.rows[0].map(String);
  const at = (name: string) => h.indexOf(name);
  return grid.rows.slice(1).map((r) => `${r[at('Rule ID')]} ${r[at('Resource ID')]} ${r[at('Status')]}`);
}

test.each([
  ['aws-config', 'aws-estate-config.json', 'sg-0bastion', 'AIDACIDEPLOYER'],
  ['terraform-plan', 'aws-estate-plan.json', 'aws_security_group.bastion', 'aws_iam_user.ci'],
])(
  'init --pack aws-foundations, import %s %s, validate: judged, not waved through',
  async (kind, file, sg, user) => {
    const book = path.join(dir, 'book');
    expect((await cli('init', book, '--pack', 'aws-foundations')).code).toBe(0);
    expect((await cli('import', kind, path.join(FIXTURES, file), '--into', book)).code).toBe(0);
    const r = await cli('validate', book, '--now', NOW, '--fail-on', 'critical');
    expect(r.code).toBe(1);
    const rows = await results(book);
    expect(rows).toContain(`AWS-EC2-01 ${sg} FAIL`);
    expect(rows).toContain(`AWS-IAM-04 ${user} FAIL`);
    // Far more than the 3 checks the AWS Config import used to meet.
    expect(Number(/: (\d+) checks/.exec(r.stdout)?.[1])).toBeGreaterThan(30);
  },
);
