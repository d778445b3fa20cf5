/** The sheet as a whole cannot be read (no header, an unknown column, not a spreadsheet). A bad
 * row is not this: it gets its own `error` and the sheet goes on. */
export class SheetError extends Error {
  override readonly name = "SheetError";
}
