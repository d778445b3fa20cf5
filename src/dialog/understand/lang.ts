/** Which language a message is written in, and whether it asks for a language. */
import { norm } from "./normalize.ts";

export type Lang = "zh" | "en";

/** Upper-case acronyms and unit letters say nothing about the writer's language ("DCMM 3级", "3kw"). */
const NEUTRAL = /^(?:[A-Z0-9]{1,6}|k|kw|w|m|mn|bn|rmb|cny|ok|okay|vs)$/;

/**
 * The language of the message from its script: Chinese characters against English words.
 * A few Latin words in Chinese text (a name, DCMM) stay Chinese, a Chinese term in an English
 * sentence ("we won a 揭榜挂帅 project") stays English; digits and emoji alone say nothing.
 */
export function detectLang(text: string): Lang | undefined {
  const source = text.normalize("NFKC");
  const han = source.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = (source.match(/[A-Za-z][A-Za-z'-]*/g) ?? []).filter((w) => !NEUTRAL.test(w));
  const latin = words.length;
  if (han === 0 && latin === 0) return undefined;
  if (han === 0) return "en";
  if (latin === 0) return "zh";
  return han >= latin * 1.5 ? "zh" : "en";
}

const ASK_EN =
  /^(?:(?:can|could|would) (?:you|we) )?(?:please )?(?:(?:speak|talk|reply|answer|respond|write|use|switch(?: to)?|change(?: to)?|continue|go on)(?: in)? )?(?:in )?english(?: please| pls| now)?(?:,? please)?$/;
const ASK_ZH_IN_EN =
  /^(?:(?:can|could|would) (?:you|we) )?(?:please )?(?:(?:speak|talk|reply|answer|respond|write|use|switch(?: to)?|change(?: to)?|continue|go on)(?: in)? )?(?:in )?(?:chinese|mandarin)(?: please| pls| now)?(?:,? please)?$/;
const ASK_ZH =
  /^(?:请|麻烦)?(?:你)?(?:用|说|讲|换成|改成|切换到|切换成|切换为|切换至|切到|切成|换为|改为|改用|换到|换回|回到|使用)?(?:中文|汉语|普通话|国语)(?:吧|回答|回复|交流|沟通|说|讲|界面|模式|版)?(?:吧|好吗|可以吗|谢谢|行吗)?$/;
const ASK_EN_IN_ZH =
  /^(?:请|麻烦)?(?:你)?(?:用|说|讲|换成|改成|切换到|切换成|切换为|切换至|切到|切成|换为|改为|改用|换到|换回|回到|使用)?(?:英文|英语)(?:吧|回答|回复|交流|沟通|说|讲|界面|模式|版)?(?:吧|好吗|可以吗|谢谢|行吗)?$/;

/** The language a message asks for ("English please", "in English", "说中文", "中文"), if that is all it says. */
export function requestedLang(text: string): Lang | undefined {
  const s = norm(text)
    .replace(/[\s.!！。,，?？~～]+$/g, "")
    .replace(/^(?:hi|hello|hey|嗨|你好)[,，!！\s]*/, "")
    .replace(/[,，]\s*/g, " ")
    .trim();
  if (s.length === 0 || s.length > 40) return undefined;
  if (ASK_EN.test(s) || ASK_EN_IN_ZH.test(s.replace(/\s/g, ""))) return "en";
  if (ASK_ZH_IN_EN.test(s) || ASK_ZH.test(s.replace(/\s/g, ""))) return "zh";
  return undefined;
}
