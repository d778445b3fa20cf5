/** Issue 16: Slack refuses "/restart" typed as a message (it is not a registered slash command),
 * so Slack users are shown, and can use, the one command the app registers: /advisor. */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createAdvisorService } from "../../../src/dialog/service.ts";
import { createFaqIndex } from "../../../src/faq/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { at, buttons, DM, type Harness, posted, startHarness } from "./harness.ts";

const set = loadPolicySet();
/** A command Slack would refuse: "/name" not preceded by "/advisor ". */
const BARE_COMMAND =
  /(^|[^\w])\/(restart|back|skip|result|profile|lang|subscribe|unsubscribe|help|compare)\b/;

describe("commands on Slack", () => {
  let harness: Harness | undefined;
  afterEach(() => harness?.close());

  async function start() {
    const service = createAdvisorService({ set, store: new MemoryStore(), faq: createFaqIndex(set) });
    const h = await startHarness({ service, limits: createLimits({ burst: 1_000 }) });
    harness = h;
    return h;
  }

  const shown = (h: Harness) =>
    posted(h.fake)
      .map((m) => `${m.text}\n${JSON.stringify(m.blocks)}`)
      .join("\n");

  it("are registered in the manifest as /advisor", () => {
    const manifest = readFileSync(new URL("../../../src/bots/slack/manifest.yaml", import.meta.url), "utf8");
    expect(manifest).toMatch(/slash_commands:\s*\n\s*- command: \/advisor/);
    expect(manifest).toMatch(/- commands\b/);
  });

  it("are named in the form Slack delivers in the welcome, the help and the result", async () => {
    const h = await start();
    await h.send(DM("你好"));
    await h.settle();
    await h.send(DM("帮助"));
    await h.settle();
    await h.send(DM("结果"));
    await h.settle();
    const text = shown(h).replaceAll(
      /\/advisor (restart|back|skip|result|profile|lang|subscribe|unsubscribe|help|compare)/g,
      "",
    );
    expect(shown(h)).toContain("/advisor restart");
    expect(text).not.toMatch(BARE_COMMAND);
  });

  it("/advisor restart in a DM starts the conversation there again", async () => {
    const h = await start();
    await h.send(DM("你好"));
    await h.settle();
    const district = at(posted(h.fake), posted(h.fake).length - 1);
    await h.press(district, at(buttons(district), 0).value);
    await h.settle();
    const before = posted(h.fake).length;
    const response = await h.command("restart");
    expect(response.status).toBe(200);
    await h.settle();
    const after = posted(h.fake).slice(before);
    expect(after.map((m) => m.text).join("\n")).toContain("哪个区");
    for (const message of after) expect(message.channel).toBe("D1");
  });

  it("/advisor in a channel is answered privately with what works there", async () => {
    const h = await start();
    await h.command("restart", { channel: "C9", user: "U7" });
    await h.settle();
    expect(posted(h.fake)).toHaveLength(0);
    const [notice] = h.fake.callsOf("chat.postEphemeral");
    expect(notice?.args).toMatchObject({ channel: "C9", user: "U7" });
    expect(String(notice?.args.text)).toContain("线程");
  });
});
