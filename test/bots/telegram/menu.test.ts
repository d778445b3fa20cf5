/**
 * Telegram's command menu against what the bot says and does (real grammY, real dialog, the fake
 * Bot API): the menu registered with setMyCommands names exactly the commands /help lists, every
 * command the welcome and the result footer name is in it, and each of them works.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { type Harness, startHarness } from "./harness.ts";
import { type RecordedService, realService } from "./real-service.ts";

const CHAT = 5050;
let h: Harness<RecordedService> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start() {
  h = await startHarness<RecordedService>({
    store: new MemoryStore(),
    service: realService,
    limits: createLimits({ burst: 1000 }),
  });
  return h;
}

/** Sends a text and returns the texts of the replies the dialog gave it. */
async function say(harness: Harness<RecordedService>, text: string): Promise<string[]> {
  const before = harness.service.replies.length;
  harness.fake.queue(harness.fake.textUpdate(CHAT, text, { languageCode: "zh-hans" }));
  await harness.fake.waitFor(() => harness.service.replies.length > before, `the answer to ${text}`);
  return (harness.service.replies.at(-1) ?? []).map((r) =>
    r.kind === "result" ? [r.title, r.footer].join("\n") : r.text,
  );
}

const menu = (harness: Harness<RecordedService>, lang: string) =>
  (harness.fake.callsOf("setMyCommands").find((c) => c.payload.language_code === lang)?.payload.commands ??
    []) as { command: string; description: string }[];

/** The commands a text names, "/restart" → "restart". */
const named = (text: string) =>
  [...text.matchAll(/(?:^|[\s（(“，,、：:；;])\/([a-z]+)/g)].map((m) => m[1] ?? "");

describe("Telegram's command menu", () => {
  it("names the commands /help lists, in both languages, /restart and /lang among them", async () => {
    const harness = await start();
    const zh = menu(harness, "zh").map((c) => c.command);
    const en = menu(harness, "en").map((c) => c.command);
    const [help = ""] = await say(harness, "/help");
    const listed = help
      .split("\n")
      .filter((line) => line.startsWith("/"))
      .map((line) => named(line)[0]);
    expect(zh).toEqual(listed);
    expect(en).toEqual(listed);
    expect(zh).toContain("restart");
    expect(zh).toContain("lang");
    expect(zh).not.toContain("start");
    for (const entry of menu(harness, "zh")) expect(entry.description).toMatch(/\p{Script=Han}/u);
  });

  it("has every command a whole conversation names: the welcome, the hints, the result's footer", async () => {
    const harness = await start();
    const commands = new Set(menu(harness, "zh").map((c) => c.command));
    const said = [...(await say(harness, "/start")), ...(await say(harness, "石景山"))];
    // Skipped to the end, then an answer after the result ("done already").
    for (let i = 0; i < 60 && !said.some((text) => text.includes("/restart")); i++)
      said.push(...(await say(harness, "/skip")));
    said.push(...(await say(harness, "好的")));
    const mentioned = new Set(said.flatMap(named));
    expect([...mentioned]).toEqual(expect.arrayContaining(["help", "restart", "profile"]));
    for (const name of mentioned) expect(commands).toContain(name);
  });

  it("offers only commands that work: none of them is answered as unknown", async () => {
    const harness = await start();
    await say(harness, "/start");
    await say(harness, "石景山");
    for (const { command } of menu(harness, "zh")) {
      const replies = (await say(harness, `/${command}`)).join("\n");
      expect(replies, `/${command}`).not.toMatch(/不认识的命令|Unknown command/);
      expect(replies, `/${command}`).not.toMatch(/用法：|Usage:/);
    }
  });
});
