// A fake HostActions for the pane's tests: canned data, every call recorded, validate driven step by step.
import type {
  HostActions,
  ProgressFn,
  RunView,
  BuilderData,
  PreviewView,
  RuleCandidate,
} from '../../ui/host-actions';

export const RUN: RunView = {
  runAt: '2026-03-01T09:00:00.000Z',
  rules: 4,
  resources: 10,
  totals: { checks: 20, passing: 15, failing: 4, waived: 1, errors: 0, notApplicable: 2, passRate: 0.79 },
  bySeverity: [
    {
      name: 'Critical',
      checks: 5,
      passing: 3,
      failing: 2,
      waived: 0,
      errors: 0,
      notApplicable: 0,
      passRate: 0.6,
    },
    {
      name: 'High',
      checks: 15,
      passing: 12,
      failing: 2,
      waived: 1,
      errors: 0,
      notApplicable: 2,
      passRate: 0.86,
    },
  ],
  overdue: 3,
  newFailures: 1,
  fixed: 2,
  problems: [
    {
      code: 'unknown_operator',
      sheet: 'Rules',
      cell: 'E7',
      message: "Unknown operator 'equal'.",
      suggestion: "Did you mean 'equals'?",
      severity: 'error',
    },
    {
      code: 'waiver_no_approver',
      sheet: 'Exceptions',
      cell: 'D3',
      message: 'This waiver has no approver.',
      suggestion: '',
      severity: 'warning',
    },
  ],
  items: [
    item({
      ruleId: 'S3-001',
      resourceId: 'logs-bucket',
      fixOwner: 'Dana Lee',
      overdue: true,
      due: '2026-02-01',
      sheet: 'Resources',
      cell: 'A5',
    }),
    item({
      ruleId: 'S3-002',
      resourceId: 'web-bucket',
      fixOwner: 'Sam Park',
      sheet: 'Resources',
      cell: 'A6',
    }),
    item({
      ruleId: 'S3-003',
      resourceId: 'old-bucket',
      fixOwner: 'dana  lee',
      status: 'WAIVED',
      sheet: 'Resources',
      cell: 'A7',
    }),
  ],
  owners: [{ name: 'Dana Lee', email: 'dana@acme.example' }],
};

function item(over: Partial<RunView['items'][number]>): RunView['items'][number] {
  return {
    ruleId: 'S3-001',
    title: 'Buckets keep versioning on',
    severity: 'High',
    status: 'FAIL',
    resourceId: 'b',
    resourceType: 'aws_s3_bucket',
    resourceName: '',
    businessUnit: 'Finance',
    fixOwner: '',
    field: 'versioning.status',
    expected: '"Enabled"',
    actual: '"Suspended"',
    message: 'versioning.status is "Suspended"; expected "Enabled"',
    remediation: 'Turn versioning on.',
    firstSeen: '2026-01-01',
    due: '2026-03-30',
    overdue: false,
    sheet: 'Resources',
    cell: 'A2',
    ...over,
  };
}

export const BUILDER: BuilderData = {
  // The rulebook's most used prefix is K8S; an S3 rule must still be offered an S3 id.
  nextRuleId: 'K8S-012',
  types: [
    {
      type: 'aws_s3_bucket',
      count: 3,
      nextRuleId: 'S3-005',
      fields: [
        { path: 'versioning.status', seen: 3, values: ['Enabled', 'Suspended'] },
        { path: 'acl', seen: 3, values: ['private', 'public-read'] },
      ],
    },
    {
      type: 'k8s:Deployment',
      count: 2,
      nextRuleId: 'K8S-012',
      fields: [{ path: 'podSpec.containers[*].image', seen: 2, values: ['nginx:latest'] }],
    },
  ],
};

export const PREVIEW: PreviewView = {
  readsAs: 'Every aws_s3_bucket: versioning.status equals "Enabled"',
  passing: 2,
  failing: 1,
  waived: 0,
  errors: 0,
  notApplicable: 0,
  examples: [
    {
      resourceId: 'web-bucket',
      resourceName: 'web',
      status: 'FAIL',
      actual: '"Suspended"',
      message: 'versioning.status is "Suspended"; expected "Enabled"',
    },
    { resourceId: 'logs-bucket', resourceName: 'logs', status: 'PASS', actual: '', message: '' },
  ],
  problems: [],
};

export interface FakeHost extends HostActions {
  calls: {
    selectCell: [string, string][];
    previewRule: RuleCandidate[];
    addRule: RuleCandidate[];
    addRulePack: string[];
  };
  /** Set by validate: report progress, then finish or fail the run. */
  progress?: ProgressFn;
  finish?: (run: RunView) => void;
  signal?: AbortSignal;
}

export function fakeHost(userName = ''): FakeHost {
  const calls: FakeHost['calls'] = { selectCell: [], previewRule: [], addRule: [], addRulePack: [] };
  const host: FakeHost = {
    calls,
    validate(onProgress, signal) {
      host.progress = onProgress;
      host.signal = signal;
      return new Promise<RunView>((resolve, reject) => {
        host.finish = resolve;
        signal?.addEventListener('abort', () =>
          reject(Object.assign(new Error('cancelled'), { name: 'AbortError' })),
        );
      });
    },
    selectCell: async (sheet, cell) => void calls.selectCell.push([sheet, cell]),
    getBuilderData: async () => BUILDER,
    previewRule: async (c) => {
      calls.previewRule.push(c);
      return PREVIEW;
    },
    addRule: async (c) => {
      calls.addRule.push(c);
      return { ruleId: c.ruleId, sheet: 'Rules', cell: 'A9' };
    },
    listRulePacks: async () => [
      {
        name: 'cis-aws',
        title: 'CIS AWS Foundations',
        description: 'Storage and identity basics.',
        rules: 12,
      },
    ],
    addRulePack: async (name) => {
      calls.addRulePack.push(name);
      return { added: 12, skipped: 0, sheet: 'Rules', problems: [] };
    },
    getUserName: async () => userName,
  };
  return host;
}

export function memoryStore(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    map: m,
  };
}
