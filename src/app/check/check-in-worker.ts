// The worker's side of 校验台账 off the pane's thread. In the browser preview: read the workbook's
// bytes and check it, then post the Grids one sheet at a time (each a short task for the pane to
// receive) and the compact result — and for 考评, the evaluation and the written workbook too
// (evaluate-in-worker.ts). In Excel the pane sends the Grids it read, in parts; they are checked
// and only the result goes back.
import { analyze } from "../../engine/analyze";
import { isInternalSheet } from "../../hosts/common/internal-sheets";
import { readXlsx, readXlsxSheetNames } from "../../hosts/xlsx/read";
import type { Grid, Workbook } from "../../engine/grid";
import type { CheckMessage, CheckReply, CheckRequest, GridPart, SentWorkbook } from "./check-protocol";
import { evaluateInWorker } from "./evaluate-in-worker";
import { allArrived, placePart, sheetParts } from "./grid-parts";

/**
 * The compact result of checking `wb` (everything the pane needs but the ledger), and of 考评 when
 * asked for: its stages are posted as they begin.
 */
function checked(
  wb: Workbook,
  bytes: Uint8Array | undefined,
  req: CheckRequest,
  post: (reply: CheckReply) => void,
) {
  const a = analyze(wb, req.asOf === undefined ? { today: req.today } : { asOf: req.asOf, today: req.today });
  return {
    findings: a.findings,
    overview: a.overview,
    ignoredSheets: a.ignoredSheets,
    checkDate: a.ledger.asOf,
    ...(req.evaluate ? { evaluated: evaluateInWorker(a, bytes, req.evaluate, post) } : {}),
  };
}

/**
 * What a worker keeps between requests: the workbook it read or was sent last and its bytes (for
 * `held` requests), and the parts of the Grids a coming `sent` request checks.
 */
export interface WorkerMemory {
  workbook?: Workbook;
  /** What `workbook` was read from (考评 writes its result sheets into these); none when it was sent. */
  bytes?: Uint8Array;
  /** The Grids arriving in parts, until the `sent` request that checks them. */
  incoming?: Grid[];
}

/** A request's workbook, its bytes, and where the sheets taken from the held reading are (`keep`). */
interface WorkerReading {
  workbook: Workbook;
  bytes?: Uint8Array;
  kept?: { index: number; name: string }[];
}

/** A part of the Grids the next `sent` request checks, put in place. */
export function takeGridPart(part: GridPart, memory: WorkerMemory): void {
  if (part.kind === "sheet" && part.index === 0) memory.incoming = []; // a new workbook begins
  placePart((memory.incoming ??= []), part);
}

/** The workbook whose Grids were sent, now held; throws when a sheet did not arrive. */
function sentWorkbook(sent: SentWorkbook, memory: WorkerMemory): Workbook {
  const sheets = memory.incoming ?? [];
  memory.incoming = memory.workbook = memory.bytes = undefined;
  if (!allArrived(sheets, sent.sheets)) throw new Error("the Grids did not all arrive");
  const wb: Workbook = { date1904: sent.date1904, sheets };
  if (sent.definedNames) wb.definedNames = sent.definedNames;
  memory.workbook = wb;
  return wb;
}

/**
 * The request's workbook: the one held for a `held` request, the one sent in parts for a `sent`
 * one, else its bytes read (and held).
 */
function workbookOf(req: CheckRequest, memory: WorkerMemory): WorkerReading {
  if (req.held) {
    if (!memory.workbook) throw new Error("no workbook held");
    return { workbook: memory.workbook, bytes: memory.bytes };
  }
  if (req.sent) return { workbook: sentWorkbook(req.sent, memory) };
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
      req.gridsKnown || req.held || req.sent
        ? []
        : wb.sheets.flatMap((grid, index) => (unsent.has(index) ? [] : sheetParts(index, grid)));
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

/** One message from the pane: a part of the Grids a coming request checks (kept), or a request (answered). */
export function answerMessage(
  message: CheckMessage,
  post: (reply: CheckReply) => void,
  memory: WorkerMemory,
): void {
  if ("kind" in message) takeGridPart(message, memory);
  else checkInWorker(message, post, memory);
}
