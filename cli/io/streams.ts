// Where the CLI writes: process streams by default, string buffers in tests.

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
}

export const processIO = (): CliIO => ({ stdout: process.stdout, stderr: process.stderr });
