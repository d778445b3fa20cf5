import { loadPolicySet } from "../src/policy/load.ts";
import { answerFor, loadPersonas, moduleDriver } from "./simulate-personas.ts";

const set = loadPolicySet();
const ids = process.argv.slice(2);
for (const p of loadPersonas().filter((x) => ids.includes(x.id))) {
  const d = moduleDriver(set);
  let out = await d.send(p.description);
  console.log(">", p.description, "\n", out.replies?.join("\n---\n"));
  let n = 0;
  while (out.pending && n < 12) {
    const a = process.env.A?.split("|")[n] ?? answerFor(p, out.pending, n, set);
    out = await d.send(a);
    console.log(">", a, "\n", out.replies?.join("\n---\n"));
    n++;
  }
}
