/** The unit style of each surface (src/render/units.ts): exact 万元 in Chinese on a chat app. */
import { describe, expect, it } from "vitest";
import { figure, money, unitsOn } from "../../src/render/units.ts";

describe("amounts by surface", () => {
  it("writes Chinese amounts on a chat app in 万元, keeping every yuan", () => {
    expect(money(30_000, "zh", "chat")).toBe("3 万元");
    expect(money(200_000, "zh", "chat")).toBe("20 万元");
    expect(money(230_000, "zh", "chat")).toBe("23 万元");
    expect(money(12_345, "zh", "chat")).toBe("1.2345 万元");
    expect(money(20_000_001, "zh", "chat")).toBe("2,000.0001 万元");
    // Below 1 万 the clauses count in 元 too.
    expect(money(5_000, "zh", "chat")).toBe("5,000 元");
    expect(money(0, "zh", "chat")).toBe("0 元");
    expect(figure(400_000, "zh", "chat")).toBe("40 万");
  });

  it("keeps yuan for the console and the CLI, and in English everywhere", () => {
    expect(money(230_000, "zh")).toBe("230,000 元");
    expect(money(230_000, "zh", unitsOn("console"))).toBe("230,000 元");
    expect(money(230_000, "en", "chat")).toBe("CNY 230,000");
    expect(figure(400_000, "zh", "yuan")).toBe("400,000");
    expect(unitsOn("telegram")).toBe("chat");
    expect(unitsOn("slack")).toBe("chat");
    expect(unitsOn(undefined)).toBe("yuan");
  });
});
