/**
 * `npx tsx scripts/bench-cpuprofile.ts <file.cpuprofile>`: where a process spent its time, by
 * part of the advisor, from a profile written by `node --cpu-prof`. Each sample goes to the
 * first part, in the order below, that has a frame on its stack; BENCHMARKS.md quotes these.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Parts in priority order: a sample whose stack holds the dialog counts as dialog, even when
 * the frame on top is a store write the dialog awaited. */
const PARTS: [string, RegExp][] = [
  ["dialog and policy evaluation", /\/src\/(dialog|policy|faq)\//],
  ["conversation store (fs)", /\/src\/store\/|node:internal\/fs/],
  [
    "Bot API calls (grammY client, node-fetch, http client)",
    /grammy\/out\/core|node-fetch|_http_client|_http_agent/,
  ],
  ["webhook (http server, grammY webhook)", /_http_server|convenience\/webhook|grammy\/out\/bot/],
];

export function summarize(profile: Profile): { part: string; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    all += dt;
    const stack: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur);
      if (node) stack.push(node);
    }
    const top = stack[0]?.callFrame.functionName ?? "";
    const special = ["(idle)", "(garbage collector)", "(program)"].find((name) => name === top);
    const part =
      special ??
      PARTS.find(([, pattern]) => stack.some((n) => pattern.test(n.callFrame.url)))?.[0] ??
      "other (node internals, JSON, timers)";
    totals.set(part, (totals.get(part) ?? 0) + dt);
  });
  return [...totals].map(([part, time]) => ({ part, share: time / all })).sort((a, b) => b.share - a.share);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npx tsx scripts/bench-cpuprofile.ts <file.cpuprofile>");
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  for (const { part, share } of summarize(profile))
    console.log(`${(share * 100).toFixed(1).padStart(5)}%  ${part}`);
}
