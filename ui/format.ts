// Small display helpers shared by the pane's panels: percentages, phases, cell references.

export const percent = (fraction: number): string => `${Math.round(fraction * 100)}%`;

export const PHASE_WORDS = {
  reading: 'Reading the workbook',
  checking: 'Checking every resource',
  writing: 'Writing the results',
} as const;

/** `Rules!D7`, quoting sheet names with spaces as a formula would. */
export function cellRef(sheet: string, cell: string): string {
  if (!sheet) return cell;
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return cell ? `${quoted}!${cell}` : quoted;
}

/** An error's message, whatever was thrown or rejected. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const isAbort = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';
