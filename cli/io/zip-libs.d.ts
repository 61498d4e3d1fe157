// The parts of archiver and unzipper the CLI uses, typed here (neither ships its own types).

declare module 'archiver' {
  import type { Readable, Transform } from 'stream';

  namespace archiver {
    interface EntryData {
      name: string;
      date?: Date;
    }

    /** A zip made as it is read: entries are added in turn, each deflated as a stream. */
    interface Archiver extends Transform {
      append(source: Readable | Buffer | string, data: EntryData): this;
      finalize(): Promise<void>;
      abort(): this;
      pointer(): number;
      on(event: 'entry', listener: (entry: EntryData) => void): this;
      on(event: 'error' | 'warning', listener: (err: Error) => void): this;
      on(event: string | symbol, listener: (...args: unknown[]) => void): this;
      off(event: 'entry', listener: (entry: EntryData) => void): this;
      off(event: string | symbol, listener: (...args: unknown[]) => void): this;
    }
  }

  function archiver(
    format: 'zip',
    options?: { zlib?: { level?: number }; forceZip64?: boolean },
  ): archiver.Archiver;
  export = archiver;
}

declare module 'unzipper' {
  import type { Readable } from 'stream';

  interface CentralDirectoryFile {
    path: string;
    type: 'File' | 'Directory';
    uncompressedSize: number;
    stream(password?: string): Readable;
    buffer(password?: string): Promise<Buffer>;
  }

  interface CentralDirectory {
    files: CentralDirectoryFile[];
  }

  export const Open: {
    buffer(data: Buffer): Promise<CentralDirectory>;
  };
}
