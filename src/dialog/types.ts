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
  | { kind: "text"; text: string }
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
    }
  | { kind: "result"; title: string; sections: ResultSection[]; footer: string }
) & {
  /** Says again what the conversation already shows (the open question after a side trip, or
   * what can be done after the result). A chat whose earlier messages stay on screen, buttons
   * live, leaves it out when something else is said; the console prints it. */
  restates?: true;
};

/** One block of a result: a district heading, one benefit, or a list of notes.
 * Adapters split long results at section boundaries. */
export interface ResultSection {
  heading: string;
  body: string;
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
