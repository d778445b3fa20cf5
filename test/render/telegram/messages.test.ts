import { describe, expect, it } from "vitest";
import type { Reply } from "../../../src/dialog/types.ts";
import { CallbackDataError, escapeHtml, renderReply } from "../../../src/render/telegram/messages.ts";

const TELEGRAM_LIMIT = 4096;

function longResult(sections: number, bodyChars: number): Extract<Reply, { kind: "result" }> {
  return {
    kind: "result",
    title: "匹配结果",
    sections: Array.from({ length: sections }, (_, i) => ({
      heading: `第 ${i + 1} 条`,
      body: `条款 ${i + 1} 的说明：${"按照不超过实际完成投资的20%给予支持，".repeat(Math.ceil(bodyChars / 19))}`.slice(
        0,
        bodyChars,
      ),
    })),
    footer: "以上为预估。",
  };
}

/** Every <b>/<i> opened in a message is closed in the same message. */
function balanced(html: string): boolean {
  return ["b", "i"].every((tag) => html.split(`<${tag}>`).length === html.split(`</${tag}>`).length);
}

describe("rendering for Telegram", () => {
  it("splits a long result into messages under 4,096 characters, between sections", () => {
    const result = longResult(30, 600);
    const messages = renderReply(result);
    expect(messages.length).toBeGreaterThan(1);
    for (const { html } of messages) {
      expect(html.length).toBeLessThan(TELEGRAM_LIMIT);
      expect(balanced(html)).toBe(true);
    }
    // Each section lies whole within one message, and the sections keep their order.
    const joined = messages.map((m) => m.html).join("\n\n");
    let from = 0;
    for (const section of result.sections) {
      const block = `<b>${section.heading}</b>\n${section.body}`;
      expect(messages.filter((m) => m.html.includes(block))).toHaveLength(1);
      const at = joined.indexOf(block, from);
      expect(at).toBeGreaterThanOrEqual(from);
      from = at + block.length;
    }
    // Every message after the first starts at a section heading.
    for (const { html } of messages.slice(1)) expect(html.startsWith("<b>第 ")).toBe(true);
  });

  it("breaks a single section longer than a message between lines, then within a line", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `第 ${i} 行：${"数".repeat(200)}`);
    const huge: Reply = {
      kind: "result",
      title: "标题",
      sections: [{ heading: "很长的一节", body: `${lines.join("\n")}\n${"&".repeat(5000)}` }],
      footer: "",
    };
    const messages = renderReply(huge);
    for (const { html } of messages) {
      expect(html.length).toBeLessThan(TELEGRAM_LIMIT);
      expect(balanced(html)).toBe(true);
      // An entity is never cut in half.
      expect(html).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    const text = messages.map((m) => m.html).join("");
    for (const line of lines) expect(text).toContain(line);
    expect(text.split("&amp;").length - 1).toBe(5000);
  });

  it("escapes the dialog's text for HTML parse mode", () => {
    expect(escapeHtml("<b>5 & 6</b>")).toBe("&lt;b&gt;5 &amp; 6&lt;/b&gt;");
    const [message] = renderReply({ kind: "text", text: "营收 < 500万 & 研发 > 10%" });
    expect(message?.html).toBe("营收 &lt; 500万 &amp; 研发 &gt; 10%");
  });

  it("puts choice ids, never labels, in the callback data, with a done button for several answers", () => {
    const [message] = renderReply({
      kind: "question",
      text: "哪些适用？",
      choices: [
        { id: "a", label: "国家级重点实验室（新认定）" },
        { id: "b", label: "市级孵化器" },
      ],
      multi: true,
    });
    const buttons = message?.keyboard?.inline_keyboard.flat() ?? [];
    expect(buttons.map((b) => ("callback_data" in b ? b.callback_data : undefined))).toEqual([
      "a",
      "b",
      "done",
    ]);
    expect(buttons.map((b) => b.text)).toEqual(["国家级重点实验室（新认定）", "市级孵化器", "完成"]);
  });

  it("names the done button in the conversation's language, ticks with ✅, and pairs buttons that fit", () => {
    const [message] = renderReply({
      kind: "question",
      text: "Which apply?",
      choices: [
        { id: "1", label: "Data infra", detail: "Data infrastructure (computing…)", ticked: true },
        { id: "2", label: "Platforms" },
        { id: "3", label: "A label far too long to share a row" },
        { id: "4", label: "DCMM" },
      ],
      multi: true,
      done: "Done",
    });
    const rows = message?.keyboard?.inline_keyboard.map((row) => row.map((b) => b.text));
    expect(rows).toEqual([
      ["✅ Data infra", "Platforms"],
      ["A label far too long to share a row"],
      ["DCMM"],
      ["Done"],
    ]);
    // The full wording of a shortened button is in the question's text.
    expect(message?.html).toContain("• Data infrastructure (computing…)");
  });

  it("refuses a choice id over Telegram's 64-byte callback data limit instead of sending a broken button", () => {
    const id = "选".repeat(22); // 66 bytes in UTF-8
    expect(() =>
      renderReply({ kind: "question", text: "?", choices: [{ id, label: "x" }], multi: false }),
    ).toThrow(CallbackDataError);
  });
});
