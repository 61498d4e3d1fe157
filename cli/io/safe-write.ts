// Every file the CLI writes goes through here: a temp file created exclusively beside the target, then renamed over it.
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { gatherBytes } from './chunk-bytes';
import { InputError } from './input-error';

export interface WriteOptions {
  /** Create the file only if it does not exist yet (never replace anything, not even in a race). */
  createOnly?: boolean;
}

/** Links a path may pass through before it names a file, as the operating system allows (Linux: 40). */
const MAX_LINKS = 40;

/**
 * Replaces (or creates) `file` with `data` atomically: readers see the old file or the new one, never half
 * of one. The target of a symbolic link is written, and the link kept. A read-only file is refused.
 */
export function writeFileSafely(file: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  withTempFile(file, options, (fd) => fs.writeFileSync(fd, data));
}

/**
 * The transaction every synchronous write shares: `write` fills an exclusive temp file beside the target, which is
 * flushed to disk and then replaces the target; a failure at any step removes the temp file and leaves the target.
 */
function withTempFile(file: string, options: WriteOptions, write: (fd: number) => void): void {
  const target = resolveTarget(file, options);
  const tmp = openTemp(target.path, target.mode);
  try {
    try {
      write(tmp.fd);
      fs.fsyncSync(tmp.fd);
    } finally {
      fs.closeSync(tmp.fd);
    }
    commit(tmp.path, target.path, options);
  } catch (err) {
    fs.rmSync(tmp.path, { force: true });
    throw err;
  }
}

/**
 * `writeFileSafely` for text made in chunks (a report): each chunk is written to the exclusive temp file as it
 * comes, so the file may outgrow any string V8 can hold; the temp file replaces the target only once the last
 * chunk is on disk, and a failure midway (a chunk that throws, a full disk) leaves the target as it was.
 */
export function writeChunksSafely(file: string, chunks: Iterable<string>, options: WriteOptions = {}): void {
  withTempFile(file, options, (fd) => gatherBytes(chunks, (bytes) => writeAll(fd, bytes)));
}

/** fs.writeSync may write part of a buffer: the rest is written until none is left. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}

/** `writeFileSafely` for a workbook, streamed into the temp file rather than built in memory first. */
export async function writeWorkbookSafely(
  workbook: ExcelJS.Workbook,
  file: string,
  options: WriteOptions = {},
): Promise<void> {
  await writeFdSafely(
    file,
    async (fd) => {
      // The stream leaves the descriptor open, so the file can be flushed to disk before it is renamed.
      const stream = fs.createWriteStream('', { fd, autoClose: false });
      await new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
        workbook.xlsx.write(stream).then(
          () => stream.end(),
          (err: unknown) => reject(err),
        );
      });
    },
    options,
  );
}

/**
 * `writeFileSafely` for a file made by `write` into the open temp file (with fs.write or fs.writeSync): the temp
 * file replaces the target only once `write` has finished and the file is flushed to disk; a failure at any step
 * leaves the target as it was and removes the temp file.
 */
export async function writeFdSafely(
  file: string,
  write: (fd: number) => Promise<void>,
  options: WriteOptions = {},
): Promise<void> {
  const target = resolveTarget(file, options);
  const tmp = openTemp(target.path, target.mode);
  let open = true;
  try {
    await write(tmp.fd);
    fs.fsyncSync(tmp.fd);
    fs.closeSync(tmp.fd);
    open = false;
    commit(tmp.path, target.path, options);
  } catch (err) {
    if (open) fs.closeSync(tmp.fd);
    fs.rmSync(tmp.path, { force: true });
    throw err;
  }
}

/**
 * Raises the InputError `writeFileSafely` would for this file (read-only, not a file, too many links), so a
 * command can refuse before it writes anything.
 */
export function assertReplaceable(file: string): void {
  resolveTarget(file, {});
}

/** The path really written (a symbolic link followed to its target) and, for a file that exists, its mode. */
function resolveTarget(file: string, options: WriteOptions): { path: string; mode?: number } {
  let current = path.resolve(file);
  for (let i = 0; i <= MAX_LINKS; i++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      return { path: current };
    }
    if (options.createOnly) throw new InputError(`${file}: already exists; nothing was written`, file);
    if (stat.isSymbolicLink()) {
      current = path.resolve(path.dirname(current), fs.readlinkSync(current));
      continue;
    }
    if (!stat.isFile()) throw new InputError(`${file}: not a file; nothing was written`, file);
    // Checked on the mode bits, not with access(): an administrator may write anywhere, and should not here.
    if ((stat.mode & 0o222) === 0) {
      throw new InputError(
        `${file}: the file is read-only; rulesheet does not replace it (make it writable, or write elsewhere)`,
        file,
      );
    }
    return { path: current, mode: stat.mode & 0o7777 };
  }
  throw new InputError(`${file}: too many symbolic links; nothing was written`, file);
}

/** A new file with a random name beside `target`, created exclusively: no planted file or link is followed. */
function openTemp(target: string, mode: number | undefined): { path: string; fd: number } {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
    try {
      const fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
      // The umask may have narrowed the mode: the replacement keeps the replaced file's.
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      return { path: tmp, fd };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 4) throw err;
    }
  }
}

function commit(tmp: string, target: string, options: WriteOptions): void {
  if (options.createOnly) {
    // A hard link fails when the name exists, where a rename would replace it.
    try {
      fs.linkSync(tmp, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A file system without hard links: check, then rename (a race remains there, and only there).
      if (code === 'EEXIST' || fs.existsSync(target)) throw err;
      fs.renameSync(tmp, target);
      return;
    }
    fs.rmSync(tmp, { force: true });
  } else {
    fs.renameSync(tmp, target);
  }
}
