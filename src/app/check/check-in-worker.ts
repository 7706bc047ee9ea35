// The worker's side of 校验台账 in the browser preview: read the workbook and check it, then post
// the Grids one sheet at a time (each a short task for the pane to receive) and the compact result —
// and for 考评, the evaluation and the written workbook too (evaluate-in-worker.ts).
import { analyze } from "../../engine/analyze";
import { isInternalSheet } from "../../hosts/common/internal-sheets";
import { readXlsx, readXlsxSheetNames } from "../../hosts/xlsx/read";
import type { Grid, Workbook } from "../../engine/grid";
import type { CheckReply, CheckRequest } from "./check-protocol";
import { evaluateInWorker } from "./evaluate-in-worker";

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

/**
 * The compact result of checking `wb` (everything the pane needs but the ledger), and of 考评 when
 * asked for: its stages are posted as they begin.
 */
function checked(wb: Workbook, bytes: Uint8Array, req: CheckRequest, post: (reply: CheckReply) => void) {
  const a = analyze(wb, req.asOf === undefined ? { today: req.today } : { asOf: req.asOf, today: req.today });
  return {
    findings: a.findings,
    overview: a.overview,
    ignoredSheets: a.ignoredSheets,
    checkDate: a.ledger.asOf,
    ...(req.evaluate ? { evaluated: evaluateInWorker(a, bytes, req.evaluate, post) } : {}),
  };
}

/** What a worker keeps between requests: the workbook it read last and its bytes (for `held` requests). */
export interface WorkerMemory {
  workbook?: Workbook;
  /** What `workbook` was read from (考评 writes its result sheets into these). */
  bytes?: Uint8Array;
}

/** A request's workbook, its bytes, and where the sheets taken from the held reading are (`keep`). */
interface WorkerReading {
  workbook: Workbook;
  bytes: Uint8Array;
  kept?: { index: number; name: string }[];
}

/** The request's workbook: the one held for a `held` request, else its bytes read (and held). */
function workbookOf(req: CheckRequest, memory: WorkerMemory): WorkerReading {
  if (req.held) {
    if (!memory.workbook || !memory.bytes) throw new Error("no workbook held");
    return { workbook: memory.workbook, bytes: memory.bytes };
  }
  if (!req.bytes) throw new Error("no bytes");
  const held = req.keep && req.readOnly ? memory.workbook : undefined;
  memory.workbook = memory.bytes = undefined; // the old one is garbage before the new one is read
  const taken = new Set<Grid>();
  const wb = held ? readKeeping(req.bytes, held, req.keep!, taken) : readXlsx(req.bytes);
  wb.sheets = wb.sheets.filter((g) => !isInternalSheet(g.name));
  memory.workbook = wb;
  memory.bytes = req.bytes;
  if (!held) return { workbook: wb, bytes: req.bytes };
  const kept = wb.sheets.flatMap((g, index) => (taken.has(g) ? [{ index, name: g.name }] : []));
  return { workbook: wb, bytes: req.bytes, kept };
}

/** The workbook of `bytes`, the sheets named in `keep` taken from `held` (the same, unread) into `taken`. */
function readKeeping(bytes: Uint8Array, held: Workbook, keep: readonly string[], taken: Set<Grid>): Workbook {
  const kept = new Map(held.sheets.filter((g) => keep.includes(g.name)).map((g) => [g.name, g]));
  const wb = readXlsx(bytes, { sheetFilter: (name) => !kept.has(name) });
  const read = new Map(wb.sheets.map((g) => [g.name, g]));
  wb.sheets = readXlsxSheetNames(bytes).map(({ name }) => {
    const grid = read.get(name) ?? kept.get(name);
    if (!grid) throw new Error(`sheet ${name} neither read nor held`);
    if (grid === kept.get(name)) taken.add(grid);
    return grid;
  });
  return wb;
}

/** What goes with a reply uncopied: the written workbook's buffer. */
export function transferOf(reply: CheckReply): Transferable[] | undefined {
  const bytes = reply.kind === "checked" ? reply.evaluated?.bytes : undefined;
  return bytes && [bytes.buffer as ArrayBuffer];
}

/**
 * Answers one request: the Grids in parts (unless the pane has them), then "checked" (or "read" for a
 * read-only request); 考评's stages are posted as they begin. `memory` is the worker's own, kept
 * between its requests.
 */
export function checkInWorker(
  req: CheckRequest,
  post: (reply: CheckReply) => void,
  memory: WorkerMemory = {},
): void {
  let replies: CheckReply[];
  try {
    const { workbook: wb, bytes, kept } = workbookOf(req, memory);
    const unsent = new Set(kept?.map((k) => k.index));
    replies =
      req.gridsKnown || req.held
        ? []
        : wb.sheets.flatMap((grid, index) => (unsent.has(index) ? [] : sheetReplies(index, grid)));
    const head = { date1904: wb.date1904, definedNames: wb.definedNames, sheets: wb.sheets.length };
    replies.push(
      req.readOnly
        ? { kind: "read", ...head, ...(kept ? { kept } : {}) }
        : { kind: "checked", ...head, ...checked(wb, bytes, req, post) },
    );
  } catch {
    replies = [{ kind: "failed" }];
  }
  for (const r of replies) post(r);
}
