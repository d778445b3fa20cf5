import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../src/dialog/types.ts";
import { renderReply, SLACK_LIMITS, type SlackMessage } from "../../../src/render/slack/blocks.ts";
import { escapeMrkdwn } from "../../../src/render/slack/mrkdwn.ts";

/** Every text the user can read in a message's blocks, in order. */
function blockTexts(message: SlackMessage): string[] {
  return message.blocks.flatMap((block) => {
    if (block.type === "section" || block.type === "header") return [block.text?.text ?? ""];
    if (block.type === "context")
      return block.elements.map((element) => ("text" in element ? element.text : ""));
    return [];
  });
}

function expectWithinLimits(messages: SlackMessage[]): void {
  for (const message of messages) {
    expect(message.blocks.length).toBeGreaterThan(0);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    const texts = blockTexts(message);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(texts.join("").length).toBeLessThanOrEqual(SLACK_LIMITS.messageChars);
  }
}

const withoutSpace = (text: string) => text.replace(/\s/g, "");

describe("rendering replies as Block Kit", () => {
  it("escapes the characters Slack treats as markup, in blocks and in the fallback text", () => {
    const [message] = renderReply({ kind: "text", text: "R&D <投入> 100 > 50" });
    expect(blockTexts(message as SlackMessage)).toEqual(["R&amp;D &lt;投入&gt; 100 &gt; 50"]);
    expect(message?.text).toBe("R&amp;D &lt;投入&gt; 100 &gt; 50");
  });

  it("splits a long result across messages within Slack's limits, keeping every word in order", () => {
    const sections = Array.from({ length: 80 }, (_, index) => ({
      heading: `第 ${index + 1} 项 <重点>`,
      body: `${"通州区数据产业补贴说明 & 条件。".repeat(30)}\n第二行 ${index}`,
    }));
    const messages = renderReply({ kind: "result", title: "评估结果", sections, footer: "以上仅供参考" });
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const shown = withoutSpace(messages.flatMap(blockTexts).join(""));
    const expected = withoutSpace(
      [
        "评估结果",
        ...sections.map((section) => `*${escapeMrkdwn(section.heading)}*${escapeMrkdwn(section.body)}`),
        "以上仅供参考",
      ].join(""),
    );
    expect(shown).toBe(expected);
  });

  it("splits a section longer than 3,000 characters at line ends", () => {
    const lines = Array.from({ length: 400 }, (_, index) => `第 ${index} 行：数据资产质押贷款贴息`);
    const [message] = renderReply({
      kind: "result",
      title: "t",
      sections: [{ heading: "h", body: lines.join("\n") }],
      footer: "",
    });
    const pieces = blockTexts(message as SlackMessage).slice(1);
    expect(pieces.length).toBeGreaterThan(1);
    const piecesLines = pieces.flatMap((piece) => piece.split("\n"));
    expect(piecesLines).toEqual(["*h*", ...lines]);
  });

  it("cuts a single overlong line without breaking an escaped character", () => {
    const text = "a&".repeat(4000);
    const messages = renderReply({ kind: "text", text });
    expectWithinLimits(messages);
    for (const piece of messages.flatMap(blockTexts)) {
      expect(piece).toMatch(/^(a|&amp;)*$/);
    }
    expect(messages.flatMap(blockTexts).join("")).toBe(escapeMrkdwn(text));
  });

  it("keeps any text within the limits and loses none of it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ heading: fc.string({ maxLength: 40 }), body: fc.string({ maxLength: 7000 }) }), {
          maxLength: 70,
        }),
        fc.string({ maxLength: 4000 }),
        (sections, footer) => {
          const messages = renderReply({ kind: "result", title: "结果", sections, footer });
          expectWithinLimits(messages);
          const shown = withoutSpace(messages.flatMap(blockTexts).join(""));
          const expected = sections
            .map(({ heading, body }) => {
              const bold = withoutSpace(heading) ? `*${escapeMrkdwn(heading)}*` : "";
              return withoutSpace(`${bold}${escapeMrkdwn(body)}`);
            })
            .join("");
          expect(shown).toBe(withoutSpace(`结果${expected}${escapeMrkdwn(footer)}`));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("shortens a title beyond the header's 150 characters", () => {
    const [message] = renderReply({ kind: "result", title: "长".repeat(400), sections: [], footer: "" });
    const header = message?.blocks[0];
    expect(header?.type).toBe("header");
    const text = header?.type === "header" ? header.text.text : "";
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("rendering questions", () => {
  const question = (count: number, multi: boolean, text = "请选择"): Reply => ({
    kind: "question",
    text,
    choices: Array.from({ length: count }, (_, index) => ({ id: `c${index}`, label: `选项 ${index}` })),
    multi,
  });

  const buttonsOf = (message: SlackMessage | undefined) =>
    (message?.blocks ?? []).flatMap((block) => (block.type === "actions" ? [block.elements] : []));

  it("gives every choice a button whose value is the choice id, 25 to an actions block", () => {
    const messages = renderReply(question(30, false));
    expect(messages).toHaveLength(1);
    const groups = buttonsOf(messages[0]);
    expect(groups.map((group) => group.length)).toEqual([25, 5]);
    const all = groups.flat();
    expect(all.map((button) => (button.type === "button" ? button.value : ""))).toEqual(
      Array.from({ length: 30 }, (_, index) => `c${index}`),
    );
    expect(new Set(all.map((button) => (button.type === "button" ? button.action_id : ""))).size).toBe(30);
  });

  it("adds a done button for several answers, labelled in the question's language", () => {
    const zh = buttonsOf(renderReply(question(2, true, "有哪些平台？"))[0])
      .flat()
      .at(-1);
    const en = buttonsOf(renderReply(question(2, true, "Which platforms?"))[0])
      .flat()
      .at(-1);
    expect(zh).toMatchObject({ value: "done", text: { text: "完成" } });
    expect(en).toMatchObject({ value: "done", text: { text: "Done" } });
    expect(buttonsOf(renderReply(question(2, false))[0]).flat()).toHaveLength(2);
  });

  it("does not add a second done button when the dialog offers its own", () => {
    const reply: Reply = {
      kind: "question",
      text: "有哪些平台？",
      choices: [
        { id: "a", label: "甲" },
        { id: "done", label: "选好了" },
      ],
      multi: true,
    };
    const labels = buttonsOf(renderReply(reply)[0])
      .flat()
      .map((button) => (button.type === "button" ? button.text.text : ""));
    expect(labels).toEqual(["甲", "选好了"]);
  });

  it("shortens labels longer than a button can show", () => {
    const reply: Reply = {
      kind: "question",
      text: "q",
      choices: [{ id: "x", label: "很".repeat(200) }],
      multi: false,
    };
    const [button] = buttonsOf(renderReply(reply)[0]).flat();
    const label = button?.type === "button" ? button.text.text : "";
    expect(label.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
  });

  it("shows progress and help as context under the question", () => {
    const [message] = renderReply({
      kind: "question",
      text: "投资额是多少？",
      progress: "第 3 题，约 8 题",
      help: "单位：元",
      choices: [],
      multi: false,
    });
    expect(message?.blocks.map((block) => block.type)).toEqual(["section", "context", "context"]);
    expect(message?.text).toContain("投资额是多少？");
  });
});
