#!/usr/bin/env node
/** The `advisor` executable: runs a command and exits with its status. */
import { main } from "./main.ts";

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
