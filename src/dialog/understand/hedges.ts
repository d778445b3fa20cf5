/**
 * How sure an answer is: "don't know" in all its forms (never a value), yes/no with the hedges
 * that still lean one way ("好像没有" is no, "应该有" is yes), and negation before a phrase.
 * Works on `norm`ed text.
 */

/** Every way of saying "I don't know" (or "I'd have to check"), Chinese and English. */
const UNKNOWN =
  /(不|没)[太很大怎是]{0,2}(知道|清楚|确定|了解|晓得|记得|记得了|肯定|明确|好说|好讲)|说不(清|准|好|上来|定)|讲不(清|准|好)|拿不准|吃不准|把握不准|搞不(清|懂|明白)|弄不(清|明白)|记不(清|得|太清|住)|想不起|忘(了|记)|没(有)?(印象|概念|底|把握|头绪|谱)|心里没(底|数)|无法(确定|判断|得知|回答|确认)|没法(确定|说|判断)|不好判断|难(说|讲|以确定|判断)|不一定|待(定|确认|核实|查)|未知|不详|要(问|查|核实|确认)一?下|(问|查)(一下|问)(财务|同事|领导)|(要|得|需要)?(问|查)(问|一下|下)?(财务|同事|领导|会计|老板)|回头(查|问|确认)|还不清楚|不太懂|不懂|跳过|略过|没(有)?(算过|统计过?|核算过?|出数)|还没(算|统计|核算|出数)|没听说过|没听过|^(maybe|perhaps|possibly|也许|或许|可能吧?|说不定|maybe so|could be)$|\btbd\b|to be (?:determined|confirmed)|still waiting (?:on|for)|never heard of|haven'?t (calculated|counted|worked it out)|not calculated|no figures? yet|what is that|^(pass|skip|\?+|？+|unknown|na|tbd|idk|dunno|unsure|不知|未确定)$|not (sure|certain|clear|known|aware)|unsure|uncertain|unclear|no idea|no clue|not a clue|have(n't| not)? ?a clue|don'?t know|do not know|dont know|doesn'?t know|not known|no notion|can'?t (say|tell|remember|recall)|cannot (say|tell|remember|recall)|hard to (say|tell)|difficult to say|don'?t remember|do not remember|not remember|no recollection|i forget|forgot|beats me|who knows|(need|have|'d have|would have) to (check|ask)|let me check|will check|idk|dunno|\bskip\b|\bunknown\b|not that sure/;

/** The message says it does not know (anywhere in it). */
export function saysUnknown(s: string): boolean {
  return UNKNOWN.test(s);
}

/** English answers that lean: checked whole-phrase before the single-word yes/no. */
const LEAN_NO_EN =
  /\b(n\/a|not applicable|nothing yet|not (?:yet )?(?:certified|recognized|selected|funded|awarded|approved|granted)|probably not|likely not|not likely|unlikely|i don'?t think so|don'?t think so|(?:i )?(?:don'?t|do not) believe so|(?:i )?(?:don'?t|do not) think we (?:do|have|did)|i doubt it|doubt it|i guess not|guess not|not that i know( of)?|not as far as i know|i believe not|i think not|not really|not yet|not at all|no way|nope|nah|never|we don'?t|we do not|we haven'?t|we have not|we didn'?t|we did not|it doesn'?t|it does not|it isn'?t|it is not|it's not|we aren'?t|we are not|haven'?t|hasn'?t|didn'?t|isn'?t|aren'?t|doesn'?t|wasn'?t|none|i'?d say no|i would say no|we'?re not|still (?:in )?testing|still in progress|still in the sandbox)\b/;
const LEAN_YES_EN =
  /\b(that'?s us|it'?s us|that is us|we'?re the|we are the|kind of|sort of|i'?d say (?:so|yes)|we (?:won|got|have|had|did|do|are|were|passed|received|completed|run|operate|own|hold|staff)|(?:i|we) think (?:so|we do|it does)|i think so|think so|i believe so|believe so|i guess so|guess so|probably|likely|should be|i think we do|i think it does|yes|yeah|yep|yup|yea|y|ok|okay|sure|of course|certainly|correct|right|indeed|absolutely|definitely|affirmative|true|we do|we have|we did|it does|it is|it has|we are|done|already)\b/;
const NO_EN = /^(no|n|false|negative|no\.|nope)\b/;

// Chinese: hedge words in front of the answer are taken away, then the answer's opening decides.
const HEDGE_ZH =
  /^(?:(?:也|都|还|并|倒是|我们|我司|公司|本公司|我|咱们|目前|现在|暂时|当前|应该|应当|好像|似乎|貌似|可能|也许|大概|估计|印象中|印象里|我记得|记得|我觉得|感觉|我想|据我所知|一般|其实|嗯+|呃+|额+|哦+|噢+|啊+|唔+|那个|这个|的话)[，,\s]*)+/;
const YES_DESPITE_NO = /^(没错|没问题|不错|无误|没毛病)/;
// Openings with 不 that are not a no: "不过" (but), "不但", "不仅" (not only).
const LEAD_IN_ZH = /^(?:我们|我司|咱们|之前|以前|此前|过去|原来|目前|现在|暂时|一直|今年|去年)+(?=.)/;
const NOT_NO_ZH = /^(不过|不但|不仅|不只|不少|不久)/;
/** "但没评上", "可是还没有": the "but" before the answer says nothing either way. */
const BUT_ZH = /^(?:但是|但|可是|可|不过|只是)(?=.)/;
const NO_ZH =
  /^(算不上|谈不上|称不上|不算|不是|不对|不|没有|没|无|否|未|尚未|还没|暂无|暂未|暂时没|并没|并不|从来没|从没|从未|一个也没|一次也没|都没|都不|非)/;
const YES_ZH =
  /^(是|有|对|嗯|好|已|当然|确定|肯定|对的|可以|入选|通过|获得|拿到|拿过|获批|做了|做过|完成|算|属于|会|需要|要|就是)/;
const YES_TAIL_ZH = /^(吧|的|啊|呀|哦|呢|了)*$/;

/**
 * true for yes, false for no, null when the answer leans neither way (or says it does not know).
 * An answer in several clauses that lean both ways is no: the clause that takes back is the
 * correction ("已经进过沙盒了，不是第一次", "我们是企业，不是协会").
 */
export function leanYesNo(s: string): boolean | null {
  if (s === "" || saysUnknown(s)) return null;
  const clauses = s
    .split(/[,，;；。.!！、]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  if (clauses.length < 2) return leanClause(s);
  const leans = clauses.map(leanClause).filter((x) => x !== null);
  if (leans.length === 0) return null;
  return !leans.includes(false);
}

function leanClause(s: string): boolean | null {
  if (/[a-z]/.test(s)) {
    if (LEAN_NO_EN.test(s) || NO_EN.test(s)) return false;
    if (LEAN_YES_EN.test(s)) return true;
  }
  // Who and when before the answer say nothing either way: "之前没拿过", "我们目前没有".
  const opened = s.replace(/^[^\p{Script=Han}a-z0-9]+/u, "").replace(LEAD_IN_ZH, "");
  const zh = opened.replace(BUT_ZH, "").replace(HEDGE_ZH, "");
  if (zh === "" || YES_TAIL_ZH.test(zh)) {
    // The hedge alone: "嗯", "应该吧", "好像是" say yes; "可能吧", "也许" say nothing either way.
    return /^嗯/.test(opened) || /(应该|好像|似乎|貌似|估计|我觉得|感觉)/.test(opened) ? true : null;
  }
  if (YES_DESPITE_NO.test(zh)) return true;
  if (NOT_NO_ZH.test(zh)) return null;
  if (NO_ZH.test(zh)) return false;
  if (YES_ZH.test(zh)) return true;
  return null;
}

/** A bare "no" / "none" / "never": to a "how much" or "how many" question it means 0. */
export function saysNone(s: string): boolean {
  const t = s.replace(/[\s.!！。,，~～…]+$/g, "");
  return /^(?:(?:我们|我司|目前|暂时|还|都|也|从来|一直)?(?:没有|没|无|否|不|暂无|尚无|尚未|未|零|从来没有|从没有|从未|一[次个项年分家笔](?:也|都)没(?:有)?|一分也没有|一分没有|一分钱也没有|(?:这[一二两三四五六七八九几]?[个项]?)?一(?:[个项次家笔件]|分钱?|毛钱?)(?:都|也)?(?:还)?(?:没有?|未)[\u4e00-\u9fff]{0,5}|没交|没付|没有交|没有付|没拿过|没获得过|没有获得过|没有过|未获得|未获得过|从未获得|都没有|一个都没有|全无)(?:的|呢|过|啊|哦|吧|了)*|木有|no|none|nope|nil|nothing|never|not yet|zero|n\/a|not applicable|does not apply|doesn'?t apply|nothing yet|nothing so far|none so far|no one|not any|none yet|neither|neither of them|none of them|none of the above|not a (?:cent|penny|single yuan)|none at all|we have none|there is none|no,? never|never had (one|any))$/.test(
    t,
  );
}

/** Negation words that, just before a phrase, say it does not hold ("没有揭榜", "not in operation"). */
const NEGATION_BEFORE_ZH =
  /(没有|没|未|无|不是|不|尚未|还没有|还没|暂未|暂无|并未|从未|从没|非)[^，,。；;！!？?]{0,4}$/;
/** A negated verb with its object before the phrase: "还没做数据资产作价入股", "没参加过揭榜挂帅". */
const NEGATED_VERB_BEFORE_ZH =
  /(还没有|还没|没有|没|未|尚未|从未|从没)(?:做|办|开展|进行|参加|申请|搞|实现|完成|拿|获得)过?[^，,。；;！!？?]{0,6}$/;
/** The next thing of a list a negation governs: "没有营运园区或孵化器", "没有实验室和孵化器". */
const NEGATED_LIST_BEFORE_ZH =
  /(?:没有|没|未|无|不是|尚未|还没有|还没|从未)[^，,。；;！!？?、]{1,10}(?:或者|或|和|与|及|以及|、)$/;
const NEGATION_BEFORE_EN =
  /\b(no|not|never|haven'?t|hasn'?t|didn'?t|don'?t|doesn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|without|nor|neither|yet to)\b(?:(?!\b(?:but|however|though|although|while|whereas|yet|except|also)\b)[^,.;!?]){0,24}$/;
/** Negation just after a phrase: "揭榜挂帅没成功", "实验室还没认定下来", "沙盒还没进". */
const NEGATION_AFTER_ZH =
  /^[^，,。；;！!？?]{0,4}?(?:(?:还没有|还没|没有|没能|没|未能|未|尚未|并未)(?!想到|多久|几|少|错|问题|关系|什么|来|必|免)|不(?=成功|通过|入选|完成|获批|认定|拿到|揭榜|进|投入|建成|做|办|开始|有|是))/;
const NEGATION_AFTER_EN =
  /^[^,.;!?]{0,6}\b(?:not yet|not|never|isn'?t|aren'?t|wasn'?t|weren'?t|doesn'?t|don'?t)\b/;
/** "… but did not win", "… and haven't exited": a negated verb in a clause joined to the phrase. */
const NEGATED_CLAUSE_AFTER_EN =
  /^[^,.;!?]{0,16}?\b(?:but|and) (?:we |it |they )?(?:did not|didn'?t|failed to|could not|couldn'?t|were not|weren'?t|was not|wasn'?t|have not|haven'?t|has not|hasn'?t)\b/;
// Words that turn the negation back ("不但", "没想到", "无论") or belong to another phrase.
const NOT_A_NEGATION =
  /(不但|不仅|不只|不过|不论|无论|不管|没想到|不少|不错|不久|不断|不同|无人|未来|非常|not only|no longer)[^，,。；;]{0,4}$/;

/** Whether the text just before `index` in `s` negates what starts there. */
export function negatedAt(s: string, index: number): boolean {
  const before = s.slice(Math.max(0, index - 28), index);
  if (NOT_A_NEGATION.test(before)) return false;
  // "拿没拿过", "有没有", "是不是": a question whether, not a no.
  const asked = /([\u4e00-\u9fff])[没不]$/u.exec(before);
  if (asked && s[index] === asked[1]) return false;
  return (
    NEGATION_BEFORE_ZH.test(before.slice(-6)) ||
    NEGATED_VERB_BEFORE_ZH.test(before.slice(-12)) ||
    NEGATED_LIST_BEFORE_ZH.test(before.slice(-14)) ||
    NEGATION_BEFORE_EN.test(before)
  );
}

/** Whether the text just after `end` in `s` negates the phrase that ends there; `next`, where
 * another phrase starts after it, bounds the look ("有实验室但没有孵化器" negates the incubator). */
export function negatedAfter(s: string, end: number, next = s.length): boolean {
  const after = s.slice(end, end + 24);
  // "人才引进方面有没有支持": asks whether, says no "no".
  if (/^[^，,。；;！!？?]{0,4}?([\u4e00-\u9fff])[没不]\1/u.test(after)) return false;
  const m = NEGATION_AFTER_ZH.exec(after) ?? NEGATION_AFTER_EN.exec(after);
  // A negation that ends where the next phrase starts is that phrase's ("有实验室但没有孵化器");
  // one that ends the text is this one's ("DCMM好像没有").
  if (m) return end + m[0].length < next || next >= s.length;
  // A joined clause is about the phrase only where it names nothing else before it ends
  // ("a competition but did not win" is; "… but were not selected as a typical case" is not).
  if (!NEGATED_CLAUSE_AFTER_EN.test(after)) return false;
  const close = /[,.;!?]/.exec(s.slice(end));
  return next >= (close ? end + close.index : s.length);
}

/** Work planned or still in progress ("打算后年建", "还在准备", "still building", "plan to"):
 * what it is about has not happened yet. */
const PLANNED =
  /打算|计划|准备|筹备|筹划|筹建|规划|(?<!模)拟|将要|即将|想要|希望|预计|明年|后年|开工|动工|进行中|推进中|申请中|审核中|评审中|(?:正在|还在|在)(?:建|准备|筹|做|申请|申报|报|推进|办|弄|搞|走|评|审|规划|施工|调试|测试|谈|洽谈|对接|沟通|冲|装修)|争取|冲刺|申报中|洽谈中|谈判中|\bin talks\b|\bnegotiating\b|\b(?:plans?|planning|planned|going to|will|intends?|intending|hope to|aims? to|preparing|prepare|working on|in progress|under way|underway|yet to|expected to|expect to|scheduled|due to|next year|being built|still (?:building|constructing|preparing|working|applying|waiting))\b/;
/** Applied or filed for, with no result said: not achieved yet ("申报了市级典型案例", "applied for"). */
const APPLIED = /申报|报名|申请了|提交了|报了|报过|\b(?:applied|applying|submitted|signed up)\b/;
const RESULT =
  /成功|通过|入选|获得|获批|拿到|评上|选上|揭榜成功|\b(?:won|passed|selected|got|granted|approved|awarded)\b/;
/** A result said not to have come ("报了但没评上", "applied but were not selected"). */
const NO_RESULT =
  /(?:没|未|没有|没能|未能)(?:评上|选上|入选|通过|获批|批下来|评选上)|落选|\b(?:not|weren'?t|wasn'?t|didn'?t get) (?:selected|approved|accepted|chosen)\b|\brejected\b/;
export const planned = (clause: string) =>
  PLANNED.test(clause) || (APPLIED.test(clause) && (!RESULT.test(clause) || NO_RESULT.test(clause)));

/** Words that say a thing happened ("完成了", "已入表", "首次", "done", "for the first time"). */
const DONE =
  /完成|已|实现|成功|通过|获得|获批|入选|做了|做过|办了|办过|达成|落地|拿到|取得|首次|首笔|首个|第一次|第一笔|成交|卖出|了$|\b(?:completed?|done|did|made|achieved|finished|already|first|successfully|passed|won|got|received|obtained|selected|went|entered|closed|carried out|was|were|have been|has been)\b/;
export const saysDone = (clause: string) => DONE.test(clause);
