/** `--as-of YYYY-MM-DD` of `triage` and `chat`: a bad date is bad input, named, nothing printed. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { runCommand } from "../support/cli-io.ts";

const dir = mkdtempSync(join(tmpdir(), "as-of-"));
const profile = join(dir, "p.json");
writeFileSync(profile, JSON.stringify({ district: "shijingshan", dcmm: { level: 3 } }));
const triage = (...args: string[]) => runCommand((a, io) => main(["triage", ...a], io), args);

describe("--as-of", () => {
  it.each(["2026-02-30", "2026/03/01", "tomorrow"])(
    "refuses %s with exit 2 naming the flag",
    async (date) => {
      const run = await triage("--profile", profile, "--json", "--as-of", date);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain("--as-of must be a real date written YYYY-MM-DD");
    },
  );

  it("leaves documents without dates as they are on any date", async () => {
    const [a, b] = await Promise.all([
      triage("--profile", profile, "--json", "--as-of", "2020-01-01"),
      triage("--profile", profile, "--json", "--as-of", "2040-01-01"),
    ]);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).totals.max).toBeGreaterThan(0);
    expect(a.stdout).toBe(b.stdout);
  });
});
