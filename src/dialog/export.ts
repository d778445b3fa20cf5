/**
 * The result as a file (the result's 导出 / Export button, or /export typed): the same columns as a
 * staff sheet's result (src/sheet: id, name, district, totalMax, one column per benefit, matches,
 * near misses), one row per district evaluated, as CSV with a BOM so Excel opens the Chinese.
 * Made here, synchronously, from the state; the chat app sends it as a document.
 */
import { toContractJson } from "../render/report.ts";
import { resultTable } from "../sheet/index.ts";
import { csvRow } from "../sheet/write.ts";
import { evaluateState } from "./planner.ts";
import { type DialogState, getPath, scopeOf } from "./state.ts";
import { type ReducerContext, reask, type Step, step } from "./steps.ts";
import { TEXT } from "./text.ts";

/** Whether the conversation has a result to export: a district with clauses, or districts compared. */
export const canExport = (state: DialogState) =>
  getPath(state.profile, "district") !== undefined && scopeOf(state) !== "outside";

export function exportResult(state: DialogState, ctx: ReducerContext): Step {
  const t = TEXT[state.lang];
  if (ctx.channel !== "telegram" && ctx.channel !== "slack")
    return step(state, [{ kind: "text", text: t.exportConsole }, ...reask(state, ctx)]);
  if (!canExport(state)) return step(state, [{ kind: "text", text: t.exportNothing }, ...reask(state, ctx)]);
  const rows = evaluateState(state, ctx.set).map((e, i) => ({
    row: i + 1,
    district: e.policy,
    result: toContractJson(e.evaluation, ctx.set, e.policy, state.lang),
  }));
  const table = resultTable(ctx.set, rows, state.lang);
  const csv = `\uFEFF${csvRow(table.header)}${table.rows.map((row) => csvRow(row)).join("")}`;
  return step(state, [
    { kind: "text", text: t.exported, file: { name: t.exportName, text: csv } },
    ...reask(state, ctx),
  ]);
}
