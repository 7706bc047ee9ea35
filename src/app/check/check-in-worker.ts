// The worker's side of 校验台账 in the browser preview: read the workbook and check it, then post
// the Grids one sheet at a time (each a short task for the pane to receive) and the compact result.
import { analyze } from "../../engine/analyze";
import { isInternalSheet } from "../../hosts/common/internal-sheets";
import { readXlsx } from "../../hosts/xlsx/read";
import type { Grid, Workbook } from "../../engine/grid";
import type { CheckReply, CheckRequest } from "./check-protocol";

/** Cells per "rows" message: the district's 1.8 M cells in ~100 parts of a few ms each to receive. */
const CELLS_PER_MESSAGE = 20_000;

/** A sheet as one "sheet" message (no rows) and its rows in parts. */
export function sheetReplies(index: number, grid: Grid, cellsPerMessage = CELLS_PER_MESSAGE): CheckReply[] {
  const { rows, formats, formulas, ...head } = grid;
  const empty: Grid = { ...head, rows: [] };
  if (formats) empty.formats = [];
  if (formulas) empty.formulas = [];
  const out: CheckReply[] = [{ kind: "sheet", index, grid: empty }];
  for (let from = 0; from < rows.length;) {
    let to = from;
    for (let cells = 0; to < rows.length && (to === from || cells < cellsPerMessage); to++)
      cells += (rows[to]?.length ?? 0) + 1;
    const part: CheckReply = { kind: "rows", index, from, rows: rows.slice(from, to) };
    if (formats) part.formats = formats.slice(from, to);
    if (formulas) part.formulas = formulas.slice(from, to);
    out.push(part);
    from = to;
  }
  return out;
}

/** The compact result of checking `wb` (everything the pane needs but the ledger). */
function checked(wb: Workbook, req: CheckRequest) {
  const a = analyze(wb, req.asOf === undefined ? { today: req.today } : { asOf: req.asOf, today: req.today });
  return {
    findings: a.findings,
    overview: a.overview,
    ignoredSheets: a.ignoredSheets,
    checkDate: a.ledger.asOf,
  };
}

/** What a worker keeps between requests: the workbook it read last (for `held` requests). */
export interface WorkerMemory {
  workbook?: Workbook;
}

/** The request's workbook: the one held for a `held` request, else its bytes read (and held). */
function workbookOf(req: CheckRequest, memory: WorkerMemory): Workbook {
  if (req.held) {
    if (!memory.workbook) throw new Error("no workbook held");
    return memory.workbook;
  }
  memory.workbook = undefined; // the old one is garbage before the new one is read
  if (!req.bytes) throw new Error("no bytes");
  const wb = readXlsx(req.bytes);
  wb.sheets = wb.sheets.filter((g) => !isInternalSheet(g.name));
  memory.workbook = wb;
  return wb;
}

/**
 * Answers one request: the Grids in parts (unless the pane has them), then "checked" (or "read" for a
 * read-only request). `memory` is the worker's own, kept between its requests.
 */
export function checkInWorker(
  req: CheckRequest,
  post: (reply: CheckReply) => void,
  memory: WorkerMemory = {},
): void {
  let replies: CheckReply[];
  try {
    const wb = workbookOf(req, memory);
    replies = req.gridsKnown || req.held ? [] : wb.sheets.flatMap((grid, index) => sheetReplies(index, grid));
    const head = { date1904: wb.date1904, definedNames: wb.definedNames, sheets: wb.sheets.length };
    replies.push(
      req.readOnly ? { kind: "read", ...head } : { kind: "checked", ...head, ...checked(wb, req) },
    );
  } catch {
    replies = [{ kind: "failed" }];
  }
  for (const r of replies) post(r);
}
