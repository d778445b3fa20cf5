/**
 * Rules across a document's benefits, applied after each benefit's own amount: validity dates
 * (outside them nothing of the document applies), 择一享受 (only one of a group is paid; 就高:
 * the highest), and a document-wide cap on the sum ("各项资金支持合计不超过500万元"). Each
 * change is kept as an Adjustment, so the trace shows what the group or the cap removed.
 */
import { formatYuan as y } from "./money.ts";
import type { Adjustment, BenefitOutcome, Lang, Notice } from "./outcome.ts";
import type { DocumentRule, PolicyDocument } from "./schema.ts";

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
export function applyDocumentRules(
  document: PolicyDocument,
  outcomes: BenefitOutcome[],
  lang: Lang,
): Adjustment[] {
  const adjustments: Adjustment[] = [];
  for (const rule of document.rules) {
    const adjustment = applyRule(rule, document.id, outcomes, lang);
    if (adjustment) adjustments.push(adjustment);
  }
  return adjustments;
}

function applyRule(
  rule: DocumentRule,
  policy: string,
  outcomes: BenefitOutcome[],
  lang: Lang,
): Adjustment | undefined {
  switch (rule.kind) {
    case "exclusive":
      return exclusive(rule, policy, outcomes, lang);
    case "cap":
      return cap(rule, policy, outcomes, lang);
  }
}

/** Monetary matches among `ids` (all when omitted), largest first; ties keep document order. */
function members(outcomes: BenefitOutcome[], ids: string[] | undefined) {
  return outcomes
    .filter((o) => o.status === "match" && o.amount.monetary && (!ids || ids.includes(o.benefit)))
    .sort((a, b) => (b.amount.max ?? 0) - (a.amount.max ?? 0));
}

function exclusive(
  rule: Extract<DocumentRule, { kind: "exclusive" }>,
  policy: string,
  outcomes: BenefitOutcome[],
  lang: Lang,
): Adjustment | undefined {
  const group = members(outcomes, rule.benefits);
  const zh = lang === "zh";
  if (group.length < 2) return undefined;
  const names = (list: BenefitOutcome[]) => list.map((o) => `“${o.title}”`).join(zh ? "、" : ", ");
  if (group.some((o) => o.amount.max === null)) {
    // Which is higher is not known yet: both stay, each saying only one will be paid.
    for (const o of group)
      addNote(
        o,
        zh
          ? `；与${names(group.filter((x) => x !== o))}只能择一享受，按就高原则执行（“${rule.quote}”）`
          : `; only one of this and ${names(group.filter((x) => x !== o))} is paid, the higher (“${rule.quote}”)`,
      );
    return undefined;
  }
  const [kept, ...dropped] = group as [BenefitOutcome, ...BenefitOutcome[]];
  const keptMax = kept.amount.max as number;
  addNote(
    kept,
    zh
      ? `；与${names(dropped)}择一享受，按就高原则取本项 ${y(keptMax)}（“${rule.quote}”）`
      : `; only one of this and ${names(dropped)} is paid, the higher: this one, ${y(keptMax)} (“${rule.quote}”)`,
  );
  for (const o of dropped) {
    o.status = "excluded";
    o.reason = {
      code: "worded",
      text: zh
        ? `与“${kept.title}”择一享受，按就高原则取“${kept.title}” ${y(keptMax)}，本项 ${y(o.amount.max as number)} 不再计入`
        : `only one of this and “${kept.title}” is paid, the higher: “${kept.title}” at ${y(keptMax)}; this one's ${y(o.amount.max as number)} is not counted`,
    };
  }
  return {
    policy,
    rule: "exclusive",
    quote: rule.quote,
    removed: dropped.map((o) => ({
      benefit: o.benefit,
      before: o.amount.max as number,
      removed: o.amount.max as number,
    })),
  };
}

/** Cuts the sum down to the cap, taking the excess off the largest amounts first: every benefit
 * stays listed as long as the cap leaves it something, and the cut is said where it is made. */
function cap(
  rule: Extract<DocumentRule, { kind: "cap" }>,
  policy: string,
  outcomes: BenefitOutcome[],
  lang: Lang,
): Adjustment | undefined {
  const group = members(outcomes, rule.benefits).filter((o) => o.amount.max !== null);
  const sum = group.reduce((total, o) => total + (o.amount.max as number), 0);
  if (sum <= rule.amount) return undefined;
  const zh = lang === "zh";
  let excess = sum - rule.amount;
  const removed: Adjustment["removed"] = [];
  for (const o of group) {
    if (excess === 0) break;
    const before = o.amount.max as number;
    const cut = Math.min(excess, before);
    excess -= cut;
    const after = before - cut;
    removed.push({ benefit: o.benefit, before, removed: cut });
    const note = zh
      ? `同一主体各项合计不超过 ${y(rule.amount)}，合计 ${y(sum)} 超出 ${y(sum - rule.amount)}，从本项扣减 ${y(cut)}`
      : `the document's benefits together pay at most ${y(rule.amount)}; the sum ${y(sum)} is ${y(sum - rule.amount)} over, ${y(cut)} taken off this one`;
    if (after === 0) {
      o.status = "excluded";
      o.reason = {
        code: "worded",
        text: zh
          ? `${note}，本项不再计入（“${rule.quote}”）`
          : `${note}, so it is not counted (“${rule.quote}”)`,
      };
      continue;
    }
    o.amount.max = after;
    addNote(
      o,
      zh ? `；${note} → ${y(after)}（“${rule.quote}”）` : `; ${note} → ${y(after)} (“${rule.quote}”)`,
    );
  }
  return { policy, rule: "cap", quote: rule.quote, removed };
}

/** An already-worded addition to the benefit's explanation (said after the computation). */
function addNote(outcome: BenefitOutcome, text: string): void {
  outcome.notes = [...(outcome.notes ?? []), text];
}
