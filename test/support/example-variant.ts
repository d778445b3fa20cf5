/** The fictional document (test/fixtures/policies/example-district.json) with a few values
 * changed, loaded by the same loader through the extra-directory option: for forms of the new
 * kinds its own text never needs (a band above the clause's threshold, a strict band edge). */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultDataDir, loadPolicySet, type PolicySet } from "../../src/policy/load.ts";

export const exampleFixtures = new URL("../fixtures/policies/", import.meta.url).pathname;

/** A path into the document (keys and array indexes) and the value to put there. */
export type Change = { path: (string | number)[]; value: unknown };

export function exampleVariant(changes: Change[]): PolicySet {
  const dir = mkdtempSync(join(tmpdir(), "example-variant-"));
  const document = JSON.parse(readFileSync(join(exampleFixtures, "example-district.json"), "utf8"));
  for (const { path, value } of changes) {
    const parent = path.slice(0, -1).reduce((node, key) => node[key], document);
    parent[path[path.length - 1] as string | number] = value;
  }
  writeFileSync(join(dir, "example-district.json"), JSON.stringify(document));
  copyFileSync(join(exampleFixtures, document.sourceFile), join(dir, document.sourceFile));
  return loadPolicySet(defaultDataDir(), [dir]);
}
