/**
 * The policy set the chat file flows triage sheets with: loaded on the first sheet, then kept.
 * The bots' dialog service keeps its own; loading here keeps the file flows out of its way.
 */
import { loadPolicySet, type PolicySet } from "../policy/load.ts";

let set: PolicySet | undefined;
export const sheetPolicySet = (): PolicySet => {
  set ??= loadPolicySet();
  return set;
};
