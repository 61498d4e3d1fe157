// The SARIF 2.1.0 report: one rule descriptor per rule, one result per FAIL/ERROR/WAIVED (the most severe n with --max-results), problems as notifications.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { type Result, type Rule, type Severity, sheetRef } from '../../core';
import { prettyJson, Streamed } from './json-stream';
import { sarifCap, type SarifCap } from './sarif-cap';
import { isoDate, problemRows, resultRow, type Report, type ReportContext } from './rows';

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = {
  Critical: 'error',
  High: 'error',
  Medium: 'warning',
  Low: 'note',
  Info: 'note',
};
/** GitHub code scanning reads this 0–10 score to rank security alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  Critical: '9.5',
  High: '7.5',
  Medium: '5.0',
  Low: '3.0',
  Info: '0.0',
};

/** Every artifact URI is relative to this base, which the log itself maps to a folder (code scanning maps it to the repository). */
const SRCROOT = '%SRCROOT%';

export const sarifReport: Report = function* (output, ctx) {
  const root = sourceRoot(ctx.rulebookPath);
  const artifact = (file: string) => ({ uri: uriOf(file, root), uriBaseId: SRCROOT });
  const rulesSheet = output.rulebook.rulesSheet;
  const rulesName = rulesSheet?.name ?? 'Rules';
  const idCol = rulesSheet?.columns.ruleId ?? 0;
  const rules: Rule[] = [];
  const indexOf = new Map<string, number>();
  const descriptor = (rule: Rule) => {
    if (!indexOf.has(rule.id)) {
      indexOf.set(rule.id, rules.length);
      rules.push(rule);
    }
    return indexOf.get(rule.id) as number;
  };
  output.rulebook.rules.forEach(descriptor);

  // One location a rule, made once: a run lists hundreds of thousands of results of a few hundred rules.
  const rulesArtifact = artifact(ctx.fileOf(rulesName));
  const locations = new Map<Rule, object>();
  const ruleLocation = (rule: Rule) => {
    let location = locations.get(rule);
    if (!location) {
      location = {
        physicalLocation: {
          artifactLocation: rulesArtifact,
          region: { startLine: rule.row + 1, startColumn: idCol + 1 },
        },
        message: { text: `Rule ${rule.id} at ${sheetRef(rulesName, rule.row, idCol)}` },
      };
      locations.set(rule, location);
    }
    return location;
  };

  // The results listed are the open ones (FAIL, ERROR, WAIVED): the set reaches them without the passing ones.
  // The descriptors are written before the results, which are made lazily: every rule is indexed first.
  for (const run of output.results.runs) if (run.positions.length > 0) descriptor(run.rule);
  // Under --max-results, the most severe open results alone (code scanning refuses more than 25,000 in a run).
  const cap = ctx.maxResults === undefined ? undefined : sarifCap(output, ctx.maxResults);
  function* results() {
    for (const r of output.results.open())
      if (cap === undefined || cap.keep(r)) yield sarifResult(r, descriptor(r.rule), ruleLocation(r.rule));
  }

  const notifications = problemRows(output).map((p, i) => {
    const loc = output.problems[i].location;
    const region =
      loc.row !== undefined ? { startLine: loc.row + 1, startColumn: (loc.col ?? 0) + 1 } : undefined;
    return {
      descriptor: { id: p.code },
      level: p.severity === 'error' ? 'error' : 'warning',
      message: { text: p.suggestion ? `${p.message} ${p.suggestion}` : p.message },
      ...(p.sheet
        ? {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifact(ctx.fileOf(p.sheet)),
                  ...(region ? { region } : {}),
                },
                message: { text: p.cell ? `${p.sheet}!${p.cell}` : p.sheet },
              },
            ],
          }
        : {}),
    };
  });

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rulesheet',
            version: ctx.version,
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: isoDate(output.runAt),
            toolConfigurationNotifications: notifications,
            ...(cap && cap.listed < cap.total ? { toolExecutionNotifications: [capNotification(cap)] } : {}),
          },
        ],
        results: new Streamed(results(), true),
      },
    ],
  };
  yield* prettyJson(sarif);
  yield '\n';
};

/** Says that the log lists only some of the run's results, which ones, and where the others are. */
function capNotification(cap: SarifCap) {
  const n = (x: number) => x.toLocaleString('en-US');
  return {
    descriptor: { id: 'results-capped' },
    level: 'warning',
    message: {
      text:
        `This log lists ${n(cap.listed)} of the run's ${n(cap.total)} FAIL, ERROR and WAIVED results ` +
        `(--max-results ${cap.listed}): the most severe, open ones before waived ones of the same severity. ` +
        'A JSON, JSON Lines or CSV report lists them all.',
    },
  };
}

function ruleDescriptor(rule: Rule) {
  const frameworks = rule.framework
    .split(/[;\n]/)
    .map((f) => f.trim())
    .filter(Boolean);
  const remediation = rule.remediation.trim();
  return {
    id: rule.id,
    shortDescription: { text: rule.title || rule.id },
    help: { text: remediation || 'No remediation is written for this rule yet.' },
    ...(/^https?:\/\/\S+$/i.test(remediation) ? { helpUri: remediation } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      severity: rule.severity,
      'security-severity': SECURITY_SEVERITY[rule.severity],
      owner: rule.owner,
      tags: ['security', ...frameworks],
    },
  };
}

function sarifResult(r: Result, ruleIndex: number, ruleLocation: object) {
  const row = resultRow(r);
  const text = row.message || `${r.rule.title || r.rule.id}: ${r.status}`;
  const logicalLocations = r.resource
    ? [{ name: r.resource.id, fullyQualifiedName: `${r.resource.type}/${r.resource.id}`, kind: 'resource' }]
    : undefined;
  return {
    ruleId: r.rule.id,
    ruleIndex,
    level: LEVEL[r.rule.severity],
    kind: 'fail',
    message: { text },
    locations: [{ ...ruleLocation, ...(logicalLocations ? { logicalLocations } : {}) }],
    partialFingerprints: { 'rulesheet/v1': `${row.ruleId}|${row.resourceType}|${row.resourceId}` },
    ...(r.status === 'WAIVED'
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: waiverText(r),
            },
          ],
        }
      : {}),
    properties: {
      status: row.status,
      severity: row.severity,
      fixOwner: row.fixOwner,
      businessUnit: row.businessUnit,
      field: row.field,
      expected: row.expected,
      actual: row.actual,
      firstSeen: row.firstSeen,
      due: row.due,
      overdue: row.overdue,
    },
  };
}

function waiverText(r: Result): string {
  const w = r.waiver;
  if (!w) return 'Waived';
  const parts = [
    w.reason || 'Waived',
    w.approvedBy && `approved by ${w.approvedBy}`,
    w.ticket && `ticket ${w.ticket}`,
  ];
  if (w.expires) parts.push(`expires ${isoDate(w.expires).slice(0, 10)}`);
  return parts.filter(Boolean).join('; ');
}

/**
 * The folder artifact URIs are relative to: the Git work tree holding the rulebook, as code scanning expects, else
 * the folder the rulebook is (a CSV folder) or sits in (a workbook). Never the current folder, which CI may change.
 */
function sourceRoot(rulebook: string): string {
  const abs = path.resolve(rulebook);
  const start = isDirectory(abs) ? abs : path.dirname(abs);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** A forward-slashed, percent-encoded URI reference for a file, relative to the source root. */
function uriOf(file: string, root: string): string {
  const rel = path.relative(root, path.resolve(file)) || path.basename(file);
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}

export type { ReportContext };
