/** `advisor notify --dry-run`: which kept conversations a new document version changes, and how. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { evaluateState } from "../../src/dialog/planner.ts";
import { recordResult } from "../../src/dialog/result.ts";
import { newState } from "../../src/dialog/state.ts";
import { difference, grantedIn, grantedNow } from "../../src/notify/diff.ts";
import { documentVersions, loadVersions } from "../../src/notify/versions.ts";
import { defaultDataDir } from "../../src/policy/load.ts";
import { runCommand } from "../support/cli-io.ts";
import { CURRENT_ENV, EXPECTED, FIXTURES, keptConversations, setV1, setV2 } from "./setup.ts";

interface Line {
  conversationId: string;
  subscribed: boolean;
  lang: string;
  delivery: string;
  changes: { kind: string; benefit?: string; from?: unknown; to?: unknown }[];
  totals: { from: number; to: number };
  documents: { policy: string; from: string; to: string }[];
  message: string;
}

/** Through the command table, as `advisor notify` runs. */
const run: Command = (args, io) => main(["notify", ...args], io);

let dataDir: string;
beforeAll(async () => {
  dataDir = await keptConversations();
});

const dryRun = (args: string[] = [], env: NodeJS.ProcessEnv = {}) =>
  runCommand(run, ["--dry-run", ...args], "", { ...CURRENT_ENV, DATA_DIR: dataDir, ...env });

const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Line);

const kinds = (line: Line) => line.changes.map((c) => (c.benefit ? `${c.kind} ${c.benefit}` : c.kind));

describe("notify --dry-run", () => {
  it("lists exactly the conversations whose latest result changed, with each difference", async () => {
    const out = await dryRun(["--json"]);
    expect(out.code).toBe(0);
    const listed = lines(out.stdout);
    expect(Object.fromEntries(listed.map((l) => [l.conversationId, kinds(l)]))).toEqual(EXPECTED);
  });

  it("gives the numbers of each difference and the versions compared", async () => {
    const listed = lines((await dryRun(["--json"])).stdout);
    const first = listed.find((l) => l.conversationId === "telegram:101");
    expect(first?.changes).toEqual([
      { kind: "up", policy: "demo", benefit: "demo-lab", from: 1_000_000, to: 2_000_000 },
      { kind: "lost", policy: "demo", benefit: "demo-first-release", from: 200_000 },
      { kind: "status", policy: "demo", from: "draft", to: "in_force" },
    ]);
    expect(first?.totals).toEqual({ from: 1_200_000, to: 2_000_000 });
    expect(first?.documents).toEqual([{ policy: "demo", from: "v1", to: "v2" }]);
    const slack = listed.find((l) => l.conversationId === "slack:T1:D201");
    expect(slack?.changes.slice(0, 2)).toEqual([
      { kind: "down", policy: "demo", benefit: "demo-training", from: 300_000, to: 200_000 },
      { kind: "gained", policy: "demo", benefit: "demo-cloud", to: 500_000 },
    ]);
  });

  it("says who would be messaged: subscribers only, in their language, and sends nothing", async () => {
    const journal = join(mkdtempSync(join(tmpdir(), "notify-journal-")), "journal.jsonl");
    const out = await dryRun(["--json", "--journal", journal], {
      TELEGRAM_BOT_TOKEN: "1:unused",
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      SLACK_BOT_TOKEN: "xoxb-unused",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    });
    const listed = lines(out.stdout);
    const delivery = Object.fromEntries(listed.map((l) => [l.conversationId, l.delivery]));
    expect(delivery).toEqual({
      "telegram:101": "would_send",
      "telegram:102": "would_send",
      "telegram:103": "not_subscribed",
      "slack:T1:D201": "would_send",
      "slack:T1:C300:1700000000.000100": "would_send",
      "telegram:106": "not_subscribed",
    });
    expect(listed.find((l) => l.conversationId === "telegram:101")?.message).toContain(
      "数据实验室建设支持：最高金额由 1,000,000 元提高到 2,000,000 元",
    );
    expect(listed.find((l) => l.conversationId === "telegram:102")?.message).toContain(
      "The document is now in force",
    );
    expect(existsSync(journal)).toBe(false);
  });

  it("without a client for a channel, says it cannot be reached", async () => {
    const listed = lines((await dryRun(["--json"])).stdout);
    expect(listed.find((l) => l.conversationId === "telegram:101")?.delivery).toBe("unreachable");
  });

  it("prints a readable summary for staff, Chinese first, English with --lang en", async () => {
    const zh = (await dryRun()).stdout;
    expect(zh).toContain("【试运行，未发送】已保存评估的会话 9 个；结果有变化 6 个，其中已订阅 4 个。");
    expect(zh).toContain("数据产品首发奖励：新版本中已不再符合（此前 200,000 元）");
    expect(zh).toContain("文件由征求意见稿变为正式施行");
    for (const unaffected of ["slack:T1:D202", "telegram:104", "telegram:105"])
      expect(zh).not.toContain(unaffected);
    const en = (await dryRun(["--lang", "en"])).stdout;
    expect(en).toContain("9 conversations with a kept result; 6 changed, 4 of them subscribed.");
    expect(en).toContain("Cloud use subsidy: newly available, up to 500,000 yuan");
  });

  it("lists nothing when the documents are the ones the triages were made against", async () => {
    const out = await runCommand(run, ["--dry-run", "--json"], "", { DATA_DIR: await keptConversations([]) });
    expect(out.stdout).toBe("");
    const same = await keptConversations();
    // Without the extra directory, demo is unknown now: its conversations cannot be evaluated.
    const gone = lines((await runCommand(run, ["--dry-run", "--json"], "", { DATA_DIR: same })).stdout);
    expect(gone.every((l) => "error" in l)).toBe(true);
    expect(gone.length).toBeGreaterThan(0);
  });

  it("refuses bad flags and a bad history file with one line, exit 2", async () => {
    const flag = await dryRun(["--lang", "fr"]);
    expect(flag.code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), "notify-extra-"));
    writeFileSync(join(dir, "demo.json"), readFileSync(join(FIXTURES, "demo.json")));
    writeFileSync(join(dir, "demo.zh.txt"), readFileSync(join(FIXTURES, "demo.zh.txt")));
    mkdirSync(join(dir, "history"));
    // A kept copy under the current version's label: two texts under one version.
    const copy = JSON.parse(readFileSync(join(FIXTURES, "demo.json"), "utf8"));
    copy.sourceFile = "../demo.zh.txt";
    writeFileSync(join(dir, "history", "demo.v2.json"), JSON.stringify(copy));
    const out = await runCommand(run, ["--dry-run"], "", { ADVISOR_EXTRA_POLICIES: dir, DATA_DIR: dataDir });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("demo@v2");
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("the README", () => {
  it("shows the message a subscriber receives as notify writes it, in zh and en", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const listed = lines((await dryRun(["--json"])).stdout);
    for (const id of ["telegram:101", "slack:T1:D201"]) {
      const message = listed.find((l) => l.conversationId === id)?.message ?? "(none)";
      expect(readme, id).toContain(message);
    }
  });
});

describe("document versions", () => {
  it("keeps the older version loadable beside the current one", () => {
    const versions = loadVersions(setV2, CURRENT_ENV);
    expect(versions.get("demo@v1")?.status).toBe("draft");
    expect(versions.get("demo@v2")?.document.replaces).toBe("v1");
    expect(setV1.documents.find((d) => d.id === "demo")?.version).toBe("v1");
  });

  it("is named in every shipped data file, not left to a default", () => {
    for (const id of ["tongzhou", "shijingshan"]) {
      const raw = JSON.parse(readFileSync(join(defaultDataDir(), "policies", `${id}.json`), "utf8"));
      expect(typeof raw.version, id).toBe("string");
      expect(raw).toHaveProperty("issued");
      expect(raw).toHaveProperty("replaces");
    }
  });

  it("compares a result that compared districts district by district", () => {
    const state = {
      ...newState("zh"),
      profile: { district: "other", demo: { firstRelease: true } },
      compare: true,
    };
    const kept = grantedIn(recordResult(evaluateState(state, setV1), setV1, "zh"));
    expect(kept.compared).toBe(true);
    const diff = difference(
      kept.granted,
      grantedNow(state.profile, setV2, kept.compared),
      documentVersions(setV1),
      setV2,
      loadVersions(setV2, CURRENT_ENV),
    );
    expect(diff.changes).toEqual([
      { kind: "lost", policy: "demo", benefit: "demo-first-release", from: 200_000 },
      { kind: "status", policy: "demo", from: "draft", to: "in_force" },
    ]);
  });

  it("compares a record kept before versions on numbers only, with no status change", () => {
    const profile = { district: "demo", demo: { labInvestment: 50_000_000 } };
    const before = [{ policy: "demo", benefit: "demo-lab", max: 1_000_000 }];
    const diff = difference(
      before,
      grantedNow(profile, setV2, false),
      undefined,
      setV2,
      loadVersions(setV2, CURRENT_ENV),
    );
    expect(diff.changes).toEqual([
      { kind: "up", policy: "demo", benefit: "demo-lab", from: 1_000_000, to: 2_000_000 },
    ]);
    expect(diff.documents).toEqual([{ policy: "demo", from: null, to: "v2" }]);
  });
});
