/** Runs a command function with in-memory streams, as the process would. */
import { PassThrough, Readable } from "node:stream";
import type { CliIO, Command } from "../../src/cli/io.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(
  command: Command,
  args: string[],
  stdin = "",
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on("data", (c: Buffer) => chunks.out.push(c));
  stderr.on("data", (c: Buffer) => chunks.err.push(c));
  const io: CliIO = { stdin: Readable.from([stdin]), stdout, stderr, env };
  const code = await command(args, io);
  return {
    code,
    stdout: Buffer.concat(chunks.out).toString("utf8"),
    stderr: Buffer.concat(chunks.err).toString("utf8"),
  };
}
