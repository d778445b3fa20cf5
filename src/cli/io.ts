/** What a command needs of the process, so commands can be run in tests without one. */
export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** A command returns its exit status: 0 success, 2 bad input, 1 internal error (CONTRACT.md section 1). */
export type Command = (args: string[], io: CliIO) => Promise<number>;

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Input the user can fix (a bad file, flag or profile): one clear line on stderr, exit 2, no stack. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
