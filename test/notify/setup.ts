/**
 * Kept conversations for the notify tests: each persona's profile evaluated, as the dialog does,
 * against version v1 of the made-up "demo" document (test/fixtures/notify/history), its triage
 * record and dialog state kept in a file store under a fresh DATA_DIR. The current documents are
 * the real ones plus demo v2 (test/fixtures/notify), named by ADVISOR_EXTRA_POLICIES.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateState } from "../../src/dialog/planner.ts";
import { recordResult } from "../../src/dialog/result.ts";
import { type DialogState, newState, STATE_VERSION } from "../../src/dialog/state.ts";
import type { Channel, Lang } from "../../src/dialog/types.ts";
import { documentVersions, EXTRA_POLICIES_ENV, loadCurrentSet } from "../../src/notify/versions.ts";
import { defaultDataDir, loadPolicySet, type PolicySet } from "../../src/policy/load.ts";
import { FileStore } from "../../src/store/file.ts";

export const FIXTURES = new URL("../fixtures/notify", import.meta.url).pathname;
export const CURRENT_ENV = { [EXTRA_POLICIES_ENV]: FIXTURES };
export const setV1 = loadPolicySet(defaultDataDir(), [join(FIXTURES, "history", "demo.v1.json")]);
export const setV2 = loadCurrentSet(CURRENT_ENV);

export interface Persona {
  conversationId: string;
  channel: Channel;
  userId: string;
  lang: Lang;
  notify?: DialogState["notify"];
  profile: Record<string, unknown>;
  /** Evaluated against this set (default v1). */
  set?: PolicySet;
}

/** The cast: what each should be told when demo v1 becomes v2. */
export const PERSONAS: Persona[] = [
  // Lab award 1,000,000 -> 2,000,000 (cap raised), first-release award removed, draft made final.
  {
    conversationId: "telegram:101",
    channel: "telegram",
    userId: "101",
    lang: "zh",
    notify: "subscribed",
    profile: { district: "demo", demo: { labInvestment: 50_000_000, firstRelease: true } },
  },
  // Lab award 500,000 either way: only the draft made final.
  {
    conversationId: "telegram:102",
    channel: "telegram",
    userId: "102",
    lang: "en",
    notify: "subscribed",
    profile: { district: "demo", demo: { labInvestment: 5_000_000 } },
  },
  // Loses the first-release award, but was only offered the subscription.
  {
    conversationId: "telegram:103",
    channel: "telegram",
    userId: "103",
    lang: "zh",
    notify: "offered",
    profile: { district: "demo", demo: { firstRelease: true } },
  },
  // Training 300,000 -> 200,000, cloud subsidy gained, draft made final; a Slack DM.
  {
    conversationId: "slack:T1:D201",
    channel: "slack",
    userId: "U201",
    lang: "en",
    notify: "subscribed",
    profile: { district: "demo", demo: { training: true, cloud: true } },
  },
  // Shijingshan did not change: nothing to tell.
  {
    conversationId: "slack:T1:D202",
    channel: "slack",
    userId: "U202",
    lang: "zh",
    notify: "subscribed",
    profile: { district: "shijingshan", dcmm: { level: 3, previousAwardedLevel: 0 } },
  },
  // In the demo district with nothing granted, before or now: the new status tells it nothing.
  {
    conversationId: "telegram:104",
    channel: "telegram",
    userId: "104",
    lang: "zh",
    notify: "subscribed",
    profile: { district: "demo", demo: { training: false } },
  },
  // A Slack channel thread: the message goes to the user's DM with the app.
  {
    conversationId: "slack:T1:C300:1700000000.000100",
    channel: "slack",
    userId: "U300",
    lang: "zh",
    notify: "subscribed",
    profile: { district: "demo", demo: { firstRelease: true, labInvestment: 8_000_000 } },
  },
  // Subscribed, then unsubscribed: never messaged.
  {
    conversationId: "telegram:106",
    channel: "telegram",
    userId: "106",
    lang: "en",
    notify: "unsubscribed",
    profile: { district: "demo", demo: { firstRelease: true } },
  },
];

/** Kept twice: first under v1 (would lose the award), then again under v2: the latest counts. */
export const REASSESSED: Persona[] = [
  { ...(PERSONAS[0] as Persona), conversationId: "telegram:105", userId: "105" },
  { ...(PERSONAS[0] as Persona), conversationId: "telegram:105", userId: "105", set: setV2 },
];

/** The conversations the v1 -> v2 change should list, with the change kinds each gets. */
export const EXPECTED: Record<string, string[]> = {
  "telegram:101": ["up demo-lab", "lost demo-first-release", "status"],
  "telegram:102": ["status"],
  "telegram:103": ["lost demo-first-release", "status"],
  "slack:T1:D201": ["down demo-training", "gained demo-cloud", "status"],
  // Lab award 800,000 under either cap: unchanged.
  "slack:T1:C300:1700000000.000100": ["lost demo-first-release", "status"],
  "telegram:106": ["lost demo-first-release", "status"],
};
export const SUBSCRIBED_AFFECTED = [
  "telegram:101",
  "telegram:102",
  "slack:T1:D201",
  "slack:T1:C300:1700000000.000100",
];

/** A DATA_DIR holding the personas' conversations and triage records. */
export async function keptConversations(personas = [...PERSONAS, ...REASSESSED]): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "notify-"));
  const store = await FileStore.open(dataDir);
  let minute = 0;
  for (const persona of personas) {
    const set = persona.set ?? setV1;
    const state: DialogState = {
      ...newState(persona.lang),
      profile: persona.profile,
      ...(persona.notify ? { notify: persona.notify } : {}),
    };
    const at = new Date(Date.UTC(2026, 2, 1, 8, minute++)).toISOString();
    await store.save(persona.conversationId, { version: STATE_VERSION, state, updatedAt: at });
    await store.append({
      at,
      channel: persona.channel,
      conversationId: persona.conversationId,
      userId: persona.userId,
      profile: persona.profile,
      result: recordResult(evaluateState(state, set), set, persona.lang),
      versions: documentVersions(set),
    });
  }
  await store.close();
  return dataDir;
}
