// Output paths that would overwrite an input: the rulebook itself, one of its CSV sheets, or each other.
import * as fs from 'fs';
import * as path from 'path';

export interface OutputPath {
  /** The option that named it, for the message: `--out`, `--report`. */
  option: string;
  path: string;
  /** Whether the path is a folder of CSV sheets (a CSV rulebook written out), not one file. */
  folder?: boolean;
}

/**
 * The real path of a file that may not exist yet: links resolved as far as the path exists, the rest joined
 * on. Two names of one file (a link, `..`, a relative path) give the same real path.
 */
export function realPathOf(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realPathOf(parent), path.basename(abs));
  }
}

const isCsv = (p: string) => p.toLowerCase().endsWith('.csv');

/**
 * Why one of the outputs may not be written, or undefined when none clashes. An output clashes with the
 * rulebook (or, for a CSV folder, with the folder or any of its .csv files, present or to come: the next run
 * would read a new one as a sheet), with a folder of CSV sheets being written, or with another output.
 */
export function outputClash(rulebook: string, outputs: OutputPath[]): string | undefined {
  const book = realPathOf(rulebook);
  const bookIsFolder = fs.existsSync(book) && fs.statSync(book).isDirectory();
  const folders = bookIsFolder ? [book] : [];
  for (const out of outputs) if (out.folder) folders.push(realPathOf(out.path));
  const seen = new Map<string, OutputPath>();
  for (const out of outputs) {
    const real = realPathOf(out.path);
    const named = `${out.option} ${out.path}`;
    if (real === book) {
      return out.option === '--out'
        ? `${named}: is the rulebook being read; leave out --out to write it in place`
        : `${named}: is the rulebook being read; pick another file for the report`;
    }
    if (bookIsFolder && isCsv(real) && path.dirname(real) === book) {
      return `${named}: is a sheet of the rulebook ${rulebook} (every .csv file of the folder is one); pick a path outside the folder`;
    }
    const other = seen.get(real);
    if (other) return `${named}: is also ${other.option}; give each output its own path`;
    const folder = folders.find(
      (f) => !out.folder && (real === f || (isCsv(real) && path.dirname(real) === f)),
    );
    if (folder) return `${named}: is inside the folder of CSV sheets being written; pick a path outside it`;
    seen.set(real, out);
  }
  return undefined;
}
