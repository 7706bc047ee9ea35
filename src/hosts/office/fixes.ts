// 应用所选修正 on Excel: writes exactly the given cells. Text gets the `@` format first (so `=…` or
// `0531…` stay text); a number in a text-formatted cell gets General first (else Excel keeps it as
// text); a date becomes a serial in the workbook's date system, with a date format unless the cell
// already has one. Everything is validated before the first write.
import { parseA1 } from "../../engine/grid";
import type { CellFix, RunOptions } from "../host";
import { fromSerial1900, isoToSerial } from "../../engine/dates";
import { progress } from "../common/progress";
import { Batcher, CALL_BYTES, valueBytes, type BatchEnv } from "./batching";
import { DATE_FORMAT, GENERAL_FORMAT, isDateFormat, TEXT_FORMAT } from "../common/cell-format";
import { queueDateSystemProbe } from "./date-system";
import { hostErrors } from "../common/errors";
import { HOST_STAGES } from "../../i18n/host";

function checkFix(f: CellFix): string {
  const cell = f.cell.toUpperCase().replace(/\$/g, "");
  try {
    parseA1(cell);
  } catch {
    throw hostErrors.badCell(f.cell);
  }
  if (f.kind === "number" && !Number.isFinite(Number(f.value))) throw hostErrors.notNumber(f.value);
  if (f.kind === "date" && typeof f.value === "string" && !(isoToSerial(f.value, false) >= 1))
    throw hostErrors.badDate(f.value);
  return cell;
}

export async function applyFixesOffice(
  ctx: Excel.RequestContext,
  env: BatchEnv,
  fixes: CellFix[],
  o: RunOptions,
  knownDate1904: boolean | undefined,
): Promise<void> {
  const cells = fixes.map(checkFix);
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name");
  const probe = queueDateSystemProbe(ctx, env.support);
  await ctx.sync();
  const sheets = new Map(worksheets.items.map((ws) => [ws.name, ws]));
  for (const f of fixes) if (!sheets.has(f.sheet)) throw hostErrors.sheetMissing(f.sheet);
  // without worksheet functions: the date system of the last read (the pane reads before it fixes)
  const date1904 = probe.result() ?? knownDate1904 ?? false;
  const total = fixes.length;
  progress(o, HOST_STAGES.applyFixes, 0, total);

  // the current number formats (to keep a date format, and to undo a text format for numbers)
  const batcher = new Batcher(ctx, env, o.signal);
  const ranges: Excel.Range[] = [];
  for (let i = 0; i < fixes.length; i++) {
    await batcher.room(CALL_BYTES);
    const r = sheets.get(fixes[i].sheet)!.getRange(cells[i]);
    r.load("numberFormat");
    ranges.push(r);
  }
  await batcher.flush();
  const current = ranges.map((r) => String(r.numberFormat[0][0]));

  for (let i = 0; i < fixes.length; i++) {
    const f = fixes[i];
    await batcher.room(3 * CALL_BYTES + 2 * valueBytes(f.value));
    const r = sheets.get(f.sheet)!.getRange(cells[i]);
    if (f.kind === "text") {
      r.numberFormat = [[TEXT_FORMAT]];
      r.values = [[String(f.value)]];
    } else if (f.kind === "number") {
      if (current[i] === TEXT_FORMAT) r.numberFormat = [[GENERAL_FORMAT]];
      r.values = [[Number(f.value)]];
    } else {
      const serial =
        typeof f.value === "number" ? fromSerial1900(f.value, date1904) : isoToSerial(f.value, date1904);
      if (!isDateFormat(current[i])) r.numberFormat = [[DATE_FORMAT]];
      r.values = [[serial]];
    }
  }
  await batcher.flush();
  progress(o, HOST_STAGES.applyFixes, total, total);
}
