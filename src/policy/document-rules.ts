/**
 * Rules across a document's benefits, applied after each benefit's own amount: validity dates
 * (outside them nothing of the document applies), 择一享受 (only one of a group is paid; 就高:
 * the highest), and a document-wide cap on the sum ("各项资金支持合计不超过500万元"). Each
 * change is kept as an Adjustment, and each benefit's trace or reason says what the group or the
 * cap did to it (trace.ts), so src/render can say it.
 */
import type { Adjustment, BenefitOutcome, Notice } from "./outcome.ts";
import type { DocumentRule, PolicyDocument } from "./schema.ts";
import type { BenefitRef } from "./trace.ts";

/** The notice for a document whose dates do not include `asOf`; undefined when it applies. */
export function outsideValidity(document: PolicyDocument, asOf: string): Notice | undefined {
  const validity = document.validity;
  if (!validity) return undefined;
  const before = validity.from !== undefined && asOf < validity.from;
  const after = validity.to !== undefined && asOf > validity.to;
  if (!before && !after) return undefined;
  return {
    policy: document.id,
    code: after ? "expired" : "not_yet_in_force",
    from: validity.from ?? null,
    to: validity.to ?? null,
    asOf,
    quote: validity.quote,
  };
}

/** Applies the document's rules to its outcomes in place (amounts cut, benefits excluded) and
 * returns what each rule removed. */
export function applyDocumentRules(document: PolicyDocument, outcomes: BenefitOutcome[]): Adjustment[] {
  const adjustments: Adjustment[] = [];
  for (const rule of document.rules) {
    const adjustment = applyRule(rule, document.id, outcomes);
    if (adjustment) adjustments.push(adjustment);
  }
  return adjustments;
}

function applyRule(rule: DocumentRule, policy: string, outcomes: BenefitOutcome[]): Adjustment | undefined {
  switch (rule.kind) {
    case "exclusive":
      return exclusive(rule, policy, outcomes);
    case "cap":
      return cap(rule, policy, outcomes);
  }
}

/** Monetary matches among `ids` (all when omitted), largest first; ties keep document order. */
function members(outcomes: BenefitOutcome[], ids: string[] | undefined) {
  return outcomes
    .filter((o) => o.status === "match" && o.amount.monetary && (!ids || ids.includes(o.benefit)))
    .sort((a, b) => (b.amount.max ?? 0) - (a.amount.max ?? 0));
}

const ref = (o: BenefitOutcome): BenefitRef => ({ policy: o.policy, benefit: o.benefit });

function exclusive(
  rule: Extract<DocumentRule, { kind: "exclusive" }>,
  policy: string,
  outcomes: BenefitOutcome[],
): Adjustment | undefined {
  const group = members(outcomes, rule.benefits);
  if (group.length < 2) return undefined;
  const quote = rule.quote;
  if (group.some((o) => o.amount.max === null)) {
    // Which is higher is not known yet: both stay, each saying only one will be paid.
    for (const o of group) {
      const others = group.filter((x) => x !== o).map(ref);
      o.trace = { kind: "exclusiveOpen", inner: o.trace, others, quote };
    }
    return undefined;
  }
  const [kept, ...dropped] = group as [BenefitOutcome, ...BenefitOutcome[]];
  const keptAmount = kept.amount.max as number;
  kept.trace = {
    kind: "exclusiveKept",
    inner: kept.trace,
    others: dropped.map(ref),
    result: keptAmount,
    quote,
  };
  for (const o of dropped) {
    o.status = "excluded";
    o.reason = { code: "exclusiveLower", kept: ref(kept), keptAmount, amount: o.amount.max as number };
  }
  return {
    policy,
    rule: "exclusive",
    quote,
    removed: dropped.map((o) => ({
      benefit: o.benefit,
      before: o.amount.max as number,
      removed: o.amount.max as number,
    })),
  };
}

/** Cuts the sum down to the cap, taking the excess off the largest amounts first: every benefit
 * stays listed as long as the cap leaves it something, and the cut is kept where it is made. */
function cap(
  rule: Extract<DocumentRule, { kind: "cap" }>,
  policy: string,
  outcomes: BenefitOutcome[],
): Adjustment | undefined {
  const group = members(outcomes, rule.benefits).filter((o) => o.amount.max !== null);
  const sum = group.reduce((total, o) => total + (o.amount.max as number), 0);
  if (sum <= rule.amount) return undefined;
  let excess = sum - rule.amount;
  const removed: Adjustment["removed"] = [];
  const said = { cap: rule.amount, sum, quote: rule.quote };
  for (const o of group) {
    if (excess === 0) break;
    const before = o.amount.max as number;
    const cut = Math.min(excess, before);
    excess -= cut;
    const after = before - cut;
    removed.push({ benefit: o.benefit, before, removed: cut });
    if (after === 0) {
      o.status = "excluded";
      o.reason = { code: "capReached", ...said, cut };
      continue;
    }
    o.amount.max = after;
    o.trace = { kind: "capCut", inner: o.trace, ...said, cut, result: after };
  }
  return { policy, rule: "cap", quote: rule.quote, removed };
}
