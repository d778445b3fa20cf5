import { readFileSync } from "node:fs";
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { Lang } from "../policy/outcome.ts";

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

export function parseLang(value: string | undefined): Lang {
  if (value === "zh" || value === "en") return value;
  throw new UsageError(`--lang: expected zh or en, got "${value}"`);
}

/** Reads a file the user named, or says plainly why it cannot be read and what `hint` expects. */
export function readUserFile(file: string, hint: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder"
          : (code ?? (error as Error).message);
    throw new UsageError(`cannot read ${file} (${why}); ${hint}`);
  }
}

/** node:util parseArgs, strict, with a bad flag reported as bad input naming the command. */
export function parseFlags<T extends ParseArgsConfig>(command: string, config: T) {
  try {
    return parseArgs({ strict: true, ...config });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}
