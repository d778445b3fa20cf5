#!/usr/bin/env node
/** The `advisor` executable: runs a command and exits with its status. */
import { main } from "./main.ts";

// A reader that stops early (`advisor triage --batch … | head -1`) has what it wanted: end quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
