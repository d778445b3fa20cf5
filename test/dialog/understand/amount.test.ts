import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAmount } from "../../../src/dialog/understand/simple.ts";

describe("parseAmount reads amounts as people write them", () => {
  it.each([
    ["3000万", 30_000_000],
    ["1.5亿", 150_000_000],
    ["两百万", 2_000_000],
    ["三千五百万元", 35_000_000],
    ["2,000,000", 2_000_000],
    ["2m", 2_000_000],
    ["500k", 500_000],
    ["1.2 million", 1_200_000],
    ["30万元", 300_000],
    ["0", 0],
    ["零", 0],
    ["一万五", 15_000],
    ["三千五", 3_500],
    ["一千零五十万", 10_500_000],
    ["10万5千", 105_000],
    ["1亿5000万", 150_000_000],
    ["¥3,000,000", 3_000_000],
    ["RMB 5m", 5_000_000],
    ["约200万元", 2_000_000],
    ["200万左右", 2_000_000],
    ["３０００万", 30_000_000],
    ["30 000", 30_000],
    ["2.5M", 2_500_000],
    ["6,000,000 yuan", 6_000_000],
    ["1,234.56", 1_235],
  ])("%s → %d", (text, yuan) => {
    expect(parseAmount(text)).toBe(yuan);
  });

  it.each(["", "很多", "abc", "-5", "-3000万", "万", "1,5", "5x", "yes", "3000万美元"])(
    "rejects %j",
    (text) => {
      expect(parseAmount(text)).toBeNull();
    },
  );
});

const CN_DIGITS = "零一二三四五六七八九";

/** Writes 0 ≤ n < 10,000 the standard way, with "零" for skipped places. */
function section(n: number): string {
  const units = ["千", "百", "十", ""];
  const digits = String(n).padStart(4, "0").split("").map(Number);
  let out = "";
  let pendingZero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    out += CN_DIGITS[d] + (units[i] ?? "");
  });
  return out;
}

/** A test oracle: the integer in Chinese numerals (三千五百万, 一亿零五十万). */
function toChinese(n: number): string {
  if (n === 0) return "零";
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor((n % 1e8) / 1e4);
  const rest = n % 1e4;
  let out = "";
  if (yi) out += `${toChinese(yi)}亿`;
  if (wan) out += `${out && wan < 1000 ? "零" : ""}${section(wan)}万`;
  else if (out && rest) out += "零";
  if (rest) out += `${out && rest < 1000 && !out.endsWith("零") ? "零" : ""}${section(rest)}`;
  return out;
}

const grouped = (n: number) => n.toLocaleString("en-US");

describe("parseAmount properties", () => {
  const yuan = fc.integer({ min: 0, max: 999_999_999_999 });

  it("reads an integer back from plain digits, thousands groups and Chinese numerals", () => {
    fc.assert(
      fc.property(yuan, (n) => {
        expect(parseAmount(String(n))).toBe(n);
        expect(parseAmount(grouped(n))).toBe(n);
        expect(parseAmount(`${grouped(n)}元`)).toBe(n);
        expect(parseAmount(toChinese(n))).toBe(n);
      }),
    );
  });

  it("reads 万, 亿, k and m forms back to the same yuan", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }), (whole, tenths) => {
        expect(parseAmount(`${whole}万`)).toBe(whole * 10_000);
        expect(parseAmount(`${whole}万元`)).toBe(whole * 10_000);
        expect(parseAmount(`${whole}k`)).toBe(whole * 1_000);
        expect(parseAmount(`${whole}.${tenths}亿`)).toBe(Math.round(Number(`${whole}.${tenths}`) * 1e8));
        expect(parseAmount(`${whole}.${tenths} million`)).toBe(
          Math.round(Number(`${whole}.${tenths}`) * 1e6),
        );
        expect(parseAmount(`${whole}m`)).toBe(whole * 1_000_000);
      }),
    );
  });

  it("never throws and never gives a negative or fractional amount, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "grapheme" }),
          fc.stringMatching(/^[-0-9.,万亿千百十两km ]{0,12}$/),
        ),
        (text) => {
          const value = parseAmount(text);
          if (value !== null) {
            expect(Number.isInteger(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
