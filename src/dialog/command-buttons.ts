/** Buttons that run a command rather than answer the open question: their id is the command,
 * which is never a question's `seq.key` (events.ts reads them). A module of its own, importing
 * nothing, so the moves (steps.ts, subscribe.ts) can name them without an import cycle through
 * events.ts and commands.ts. */
export const COMMAND_BUTTON = {
  restart: "/restart",
  profile: "/profile",
  compare: "/compare",
  subscribe: "/subscribe",
  export: "/export",
} as const;

/** The button that closes a several-answers question: the dialog reads it (events.ts), each
 * platform's renderer draws it. */
export const DONE_BUTTON = "done";
