/** The store's one named error: storage that cannot be used as configured. */
export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    /** The file, directory or server the store was using. */
    readonly where: string,
    /** What the store was doing, e.g. "save conversation". */
    readonly action: string,
    override readonly cause: unknown,
    /** How to fix it. */
    readonly hint: string,
  ) {
    const problem = ((cause as Error)?.message ?? String(cause)).replace(/\.+$/, "");
    super(`cannot ${action} (${where}): ${problem}. ${hint}`);
  }
}

export function defaultWarn(message: string, fields?: Record<string, unknown>): void {
  process.stderr.write(`store: ${message}${fields ? ` ${JSON.stringify(fields)}` : ""}\n`);
}
