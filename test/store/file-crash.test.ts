import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { FileStore } from "../../src/store/file.ts";
import { collect, stateOf } from "./contract.ts";

const writerScript = fileURLToPath(new URL("./fixtures/crash-writer.ts", import.meta.url));
const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the writer until it has acknowledged `acknowledgements` writes, then kills it with SIGKILL.
 * Returns the lines it printed (each one a write the store had finished). */
function runAndKill(dir: string, acknowledgements: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", writerScript, dir], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (out.split("\n").length > acknowledgements) child.kill("SIGKILL");
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      err += chunk;
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`writer exited by itself (${signal ?? _code}): ${err}`));
      // The last line may be cut off mid-way by the kill; only whole lines are acknowledgements.
      else resolve(out.split("\n").slice(0, -1));
    });
  });
}

/** Checks a data directory after a kill: what was acknowledged is there, and everything loads. */
async function expectEverythingLoads(dir: string, acknowledged: string[]): Promise<void> {
  const lastTurn = new Map<string, number>();
  let records = 0;
  for (const line of acknowledged) {
    const [kind, id, turn] = line.split(" ");
    if (kind === "saved") lastTurn.set(id as string, Number(turn));
    else records++;
  }
  expect(lastTurn.size).toBeGreaterThan(0);

  const warnings: string[] = [];
  const store = await FileStore.open(dir, { warn: (message) => warnings.push(message) });
  // Every acknowledged write survived; one in flight may be newer than the last acknowledged.
  for (const [id, turn] of lastTurn) {
    expect(stateOf<{ turn: number }>(await store.load(id)).turn).toBeGreaterThanOrEqual(turn);
  }
  // Every conversation on disk, not only the ones the test knows of, has a whole copy: the kill
  // may cut short the write in flight, which only ever overwrites the older of its two copies.
  for (const prefix of await readdir(join(dir, "conversations"))) {
    const whole = new Map<string, boolean>();
    for (const name of await readdir(join(dir, "conversations", prefix))) {
      const hash = name.slice(0, 40);
      const text = await readFile(join(dir, "conversations", prefix, name), "utf8");
      whole.set(hash, (whole.get(hash) ?? false) || parses(text));
    }
    for (const [hash, ok] of whole) expect(ok, `conversation file ${hash}`).toBe(true);
  }
  expect((await collect(store.export())).length).toBeGreaterThanOrEqual(records);
  // At most the append in flight is torn; nothing was set aside as corrupt.
  expect(warnings.filter((w) => !w.includes("triage record"))).toEqual([]);
  await store.close();
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

it("loads every conversation and record after the writing process is killed with SIGKILL", {
  timeout: 60_000,
}, async () => {
  const dir = await mkdtemp(join(tmpdir(), "advisor-crash-"));
  try {
    // Several rounds on the same directory, killed at different points, each one resuming
    // from what the previous round left behind.
    for (const acknowledgements of [60, 110, 160]) {
      await expectEverythingLoads(dir, await runAndKill(dir, acknowledgements));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
