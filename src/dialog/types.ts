/**
 * The platform-neutral conversation model. The dialog engine speaks only in these
 * terms; each adapter (console, Telegram, Slack) renders replies its own way and
 * turns platform input into events.
 */

export type Lang = "zh" | "en";
export type Channel = "console" | "telegram" | "slack";

/** A button. `id` is short and opaque (Telegram callback data is limited to 64 bytes). */
export interface Choice {
  id: string;
  /** What the button says: short (a phone cuts long buttons off). */
  label: string;
  /** The option's full wording, where the label shortens it: shown in the question's text. */
  detail?: string;
  /** Ticked on a several-answers question (shown on the button, e.g. ✅). */
  ticked?: true;
}

export type Reply = (
  | {
      kind: "text";
      text: string;
      /** An FAQ answer's parts, for a chat app to format (bold titles, a folded quote); `text`
       * says the same plainly, as Slack keeps a fallback text next to its blocks. */
      faq?: FaqView;
      /** /help's commands (commands.ts `MENU` names), for a surface where they are typed
       * otherwise (a Slack channel thread, where only their words work). */
      commands?: string[];
      /** A file that goes with the text (the exported result): a chat app sends it as a document
       * captioned by `text`; the console says `text` only. */
      file?: { name: string; text: string };
    }
  | {
      kind: "question";
      text: string;
      /** "第 3 题，约 8 题" / "Question 3 of about 8". */
      progress?: string;
      help?: string;
      choices: Choice[];
      /** Several choices may be picked; the adapter shows a "done" button (id `done`). */
      multi: boolean;
      /** The done button's label, in the conversation's language (several-answers questions). */
      done?: string;
      /** Answered by typing a figure (an amount, a level): the buttons are shortcuts, and a
       * number typed is that figure, not a button's place in the list. */
      figure?: true;
    }
  | {
      kind: "result";
      title: string;
      sections: ResultSection[];
      footer: string;
      /** What can be done next, as buttons whose ids are commands ("/profile"); a chat app shows
       * them under the result, the console leaves them to the footer's typed commands. */
      actions?: Choice[];
    }
) & {
  /** Says again what the conversation already shows (the open question after a side trip, or
   * what can be done after the result). A chat whose earlier messages stay on screen, buttons
   * live, leaves it out when something else is said; the console prints it. */
  restates?: true;
  /** A short text about the question or result next to it (an answer's read-back or the
   * welcome before the next question, the offer after the result), or the open question that
   * goes on under a result asked for early: a chat app shows it in the same message, so a turn
   * is one new message (src/render/one-message.ts). */
  joins?: true;
};

/** An FAQ answer (or the "not covered" reply) as parts, worded in src/render/faq.ts. */
export interface FaqView {
  lang: Lang;
  /** The console's lead-in ("相关条款："); a chat app starts with the first title instead. */
  intro?: string;
  /** Plain sentences first: what the user's district or the district asked about lacks. */
  lead: string[];
  /** Best first, the user's district before the other's. */
  clauses: FaqClause[];
  /** A list (what the measures cover, when no clause answers). */
  list: string[];
  /** Closing sentences: how to apply, whom to ask. */
  notes: string[];
}

export interface FaqClause {
  /** The benefit asked about, or the article's title when it is several or none. */
  title: string;
  /** Where the clause is: "石景山区（3）", "Tongzhou, article 8". */
  source: string;
  /** The console's heading: the district and the article's full heading. */
  label: string;
  /** Set when the clause is not the user's district's: says it does not apply to them. */
  notYours?: string;
  /** The benefits asked about: title, the most it pays, what it is for. */
  points: { title: string; amount: string; summary: string }[];
  /** An English answer's rendering of the quote (a translation, not official). */
  english?: string;
  /** The clause's own words, verbatim (shortened with "…" when long). */
  quote: string;
  /** The document's caveat (a draft for comments). */
  caveat?: string;
}

/** One block of a result: a district heading, one benefit, or a list of notes.
 * Adapters split long results at section boundaries. */
export interface ResultSection {
  heading: string;
  body: string;
  /** A benefit's working and the clause's own words: what a reader checks rather than reads.
   * Chat apps fold it (Telegram's expandable quote, a Slack context block); the console prints
   * it under the body. */
  detail?: string;
  /** A benefit's working as one plain line, for a phone above its folded detail (the console
   * prints the detail, which says it in full). */
  brief?: string;
  /** The section gives a total (a district's summary, the compared districts' totals): a phone
   * shows it first, and a notification says it. */
  total?: true;
}

export type DialogEvent =
  /** The user opened the conversation (/start or first contact). */
  | {
      kind: "start";
      lang?: Lang;
      /** Pick up a stored conversation where it stopped (the console after a restart) instead of
       * starting afresh as /start does. */
      resume?: boolean;
    }
  /** Free text typed by the user (answers, FAQ questions, commands like "/back"). */
  | { kind: "text"; text: string }
  /** A button pressed, by its `Choice.id`. */
  | { kind: "choice"; id: string };

/** What an adapter calls; the service behind it loads state, runs the reducer,
 * stores the new state and any triage record, and returns the replies. */
export interface AdvisorService {
  handle(input: TurnInput): Promise<Reply[]>;
}

export interface TurnInput {
  channel: Channel;
  /** Stable per conversation: `telegram:<chat id>`, `slack:<team>:<channel>[:<thread>]`, `console:local`. */
  conversationId: string;
  /** Platform user id, for the rate limit and records. */
  userId: string;
  /** The platform's language hint for a new conversation, if any. */
  lang?: Lang;
  event: DialogEvent;
  /** The platform's id for this delivery (Telegram's update_id): one already applied to the
   * conversation is not applied again. */
  deliveryId?: string;
}
