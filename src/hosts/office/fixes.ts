// 应用所选修正 on Excel: writes exactly the given cells. Text gets the `@` format first (so `=…` or
// `0531…` stay text); a number in a text-formatted cell gets General first (else Excel keeps it as
// text); a date becomes a serial in the workbook's date system, with a date format unless the cell
// already has one. Everything is validated before the first write.
//
// A cell that holds a formula is never overwritten (a fix would replace the calculation by a
// constant): it is skipped and a note names it. A protected sheet is refused before anything is
// written. If a sync fails half-way (or the run is cancelled), a fresh batch writes back every
// target cell's value and number format as they were.
import { parseA1 } from "../../engine/grid";
import type { CellFix, RunOptions } from "../host";
import { fromSerial1900, isoToSerial } from "../../engine/dates";
import { progress } from "../common/progress";
import { Batcher, CALL_BYTES, valueBytes, type BatchEnv } from "./batching";
import { DATE_FORMAT, GENERAL_FORMAT, isDateFormat, TEXT_FORMAT } from "../common/cell-format";
import { queueDateSystemProbe } from "./date-system";
import { hostErrors } from "../common/errors";
import type { ExcelRun } from "./excel-run";
import { SET } from "./support";
import { HOST_STAGES, WRITE_NOTES } from "../../i18n/host";
import { fill, listOf } from "../../i18n/text";

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

/** A target cell as it was before the fixes. */
interface Before {
  sheet: string;
  cell: string;
  value: unknown;
  numberFormat: string;
}

const isFormula = (f: unknown) => typeof f === "string" && f.startsWith("=");

/** Queues a cell's value and format back as they were (text stays text: `@` first, then the format). */
function queueBack(r: Excel.Range, b: Before): void {
  if (typeof b.value === "string" && b.value !== "") r.numberFormat = [[TEXT_FORMAT]];
  r.values = [[b.value as string | number | boolean]];
  r.numberFormat = [[b.numberFormat]];
}

async function writeBack(run: ExcelRun, env: BatchEnv, cells: Before[]): Promise<void> {
  await run(async (ctx) => {
    const batcher = new Batcher(ctx, env, undefined);
    for (const b of cells) {
      await batcher.room(4 * CALL_BYTES + valueBytes(b.value) + valueBytes(b.numberFormat));
      queueBack(ctx.workbook.worksheets.getItem(b.sheet).getRange(b.cell), b);
    }
    await batcher.flush();
  });
}

export async function applyFixesOffice(
  run: ExcelRun,
  env: BatchEnv,
  fixes: CellFix[],
  o: RunOptions,
  knownDate1904: boolean | undefined,
): Promise<void> {
  const cells = fixes.map(checkFix);
  let before: Before[] = [];
  let writing = false;
  try {
    await run(async (ctx) => {
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

      // what the cells hold now: formulas (skipped), formats (kept or changed), values (for undo)
      const batcher = new Batcher(ctx, env, o.signal);
      const protections =
        env.support.minor >= SET.sheetProtection
          ? [...new Set(fixes.map((f) => f.sheet))].map(
              (name) => [name, sheets.get(name)!.protection.load("protected")] as const,
            )
          : [];
      const ranges: Excel.Range[] = [];
      for (let i = 0; i < fixes.length; i++) {
        await batcher.room(CALL_BYTES);
        const r = sheets.get(fixes[i].sheet)!.getRange(cells[i]);
        r.load("numberFormat,formulas,values");
        ranges.push(r);
      }
      await batcher.flush();
      const locked = protections.find(([, p]) => p.protected);
      if (locked) throw hostErrors.sheetProtected(locked[0]);
      const skipped = fixes.filter((_, i) => isFormula(ranges[i].formulas[0][0]));
      const todo = fixes.flatMap((f, i) => (isFormula(ranges[i].formulas[0][0]) ? [] : [i]));
      before = todo.map((i) => ({
        sheet: fixes[i].sheet,
        cell: cells[i],
        value: ranges[i].values[0][0],
        numberFormat: String(ranges[i].numberFormat[0][0]),
      }));

      writing = true;
      for (const i of todo) {
        const f = fixes[i];
        const current = String(ranges[i].numberFormat[0][0]);
        await batcher.room(3 * CALL_BYTES + 2 * valueBytes(f.value));
        const r = sheets.get(f.sheet)!.getRange(cells[i]);
        if (f.kind === "text") {
          r.numberFormat = [[TEXT_FORMAT]];
          r.values = [[String(f.value)]];
        } else if (f.kind === "number") {
          if (current === TEXT_FORMAT) r.numberFormat = [[GENERAL_FORMAT]];
          r.values = [[Number(f.value)]];
        } else {
          const serial =
            typeof f.value === "number" ? fromSerial1900(f.value, date1904) : isoToSerial(f.value, date1904);
          if (!isDateFormat(current)) r.numberFormat = [[DATE_FORMAT]];
          r.values = [[serial]];
        }
      }
      await batcher.flush();
      progress(o, HOST_STAGES.applyFixes, total, total);
      if (skipped.length)
        o.onNote?.(
          fill(WRITE_NOTES.formulasSkipped, {
            n: skipped.length,
            cells: listOf(skipped.map((f) => `${f.sheet}!${f.cell.toUpperCase()}`)),
          }),
        );
    });
  } catch (e) {
    if (writing)
      await writeBack(run, env, before).catch(() => {
        throw hostErrors.cleanupFailed([...new Set(before.map((b) => b.sheet))], e);
      });
    throw e;
  }
}
