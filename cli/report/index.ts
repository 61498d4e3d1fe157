// The report formats by name.
import { csvReport } from './csv';
import { htmlReport } from './html';
import { jsonReport } from './json';
import { jsonlReport } from './jsonl';
import type { Report } from './rows';
import { junitReport } from './junit';
import { sarifReport } from './sarif';

export const REPORT_FORMATS = ['json', 'jsonl', 'sarif', 'junit', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORTS: Record<ReportFormat, Report> = {
  json: jsonReport,
  jsonl: jsonlReport,
  sarif: sarifReport,
  junit: junitReport,
  csv: csvReport,
  html: htmlReport,
};

export type { Report, ReportContext } from './rows';
