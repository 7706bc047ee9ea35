// Writing result sheets into the clerk's workbook by patching the package, not by re-serialising it.
//
// Every part of the original package stays as it was — copied as its raw compressed bytes — except
// the few that must change: the workbook part (sheet list, defined names, book views), its
// relationships, [Content_Types].xml and styles.xml. Result sheets (and their tables) are new parts.
// So the clerk's sheets are provably untouched, and whatever ExcelJS would not understand (charts,
// images, comments, pivot tables, VBA, custom XML) survives, and a district-scale ledger is patched
// in well under a second.
//
// Charts of the models (SheetModel.charts) are new parts too: a drawing per sheet that has charts
// and a chart part per chart (chart-parts.ts).
//
// Sheets whose names are reserved for results are removed first (with every part only they
// reached: tables, drawings, comments, …), so a re-run replaces them instead of adding copies.
//
// The steps, in order (the order of name allocation and of the new parts is part of the output):
//   planWorkbook (checks the sheet names) → openSource → planRemoval → readContentTypes → NameAllocator → prepareStyles →
//   layoutNewSheets → newSheetParts → patchWorkbookXml → patchWorkbookRels → patchContentTypes →
//   PatchedArchive.write
// The new sheets' rows are written in steps (patchSteps is a generator, sheet-writer.ts's
// sheetXmlSteps): Node drains them at once; the browser preview pauses between them
// (patchWorkbookInSteps) and the preview's check worker reports progress between them
// (patchWorkbookSteps). The bytes are the same every way.
import { resolveCharts, type ResolvedChart } from "../../../report/chart-plan";
import type { SheetModel } from "../../../report/sheet-model";
import { LISTS_SHEET, planWorkbook, sheetKey, type SheetPlan } from "../../../report/sheet-plan";
import { concatBytes } from "../byte-sink";
import { drain, ROWS_PER_STEP } from "../sheet-writer";
import { deflateOnThread, DeflateThreadError, type ThreadCompressor } from "../deflate-thread";
import { defaultCompressor, type Compressor } from "../zip-write";
import { PatchedArchive } from "./archive";
import { guarded } from "./checks";
import { newPartOverrides, patchContentTypes, readContentTypes } from "./content-types";
import { layoutNewSheets } from "./layout";
import { NameAllocator } from "./names";
import { newSheetParts } from "./new-parts";
import { planRemoval } from "./removal";
import { openSource } from "./source";
import { prepareStyles } from "./styles-part";
import { patchWorkbookRels } from "./workbook-rels";
import { patchWorkbookXml } from "./workbook-xml";

export interface PatchOptions {
  /** Sheet names reserved for results: existing sheets with these names are removed first. */
  replace: readonly string[];
  /** Timestamp of the new and changed zip entries (default: now). */
  now?: Date;
  /** Deflate/CRC implementation (default: Node's zlib when available, else fflate). */
  compressor?: Compressor;
}

/**
 * Adds `models` as new sheets at the end of the workbook `original` and returns the new package.
 * Existing sheets named in `opts.replace` (compared as Excel does, case-insensitively) are removed
 * first, with their parts and the defined names scoped to them; `localSheetId`s of other names and
 * the book views' `activeTab`/`firstSheet` are renumbered. Every other part is copied byte for byte.
 *
 * Throws LedgerFileError for a package that cannot be patched (not a zip, encrypted, damaged, Strict
 * Open XML, or too large for a non-zip64 archive) and Error for unusable models (an invalid or
 * duplicate sheet name, or a name that a kept sheet already has).
 */
export function patchWorkbook(original: Uint8Array, models: SheetModel[], opts: PatchOptions): Uint8Array {
  return concatBytes(patchWorkbookPieces(original, models, opts));
}

/**
 * patchWorkbook on a UI thread: the same bytes, made in steps (patchWorkbookSteps), with `pause`
 * awaited — told how many steps are done — whenever a step ends more than SLICE_MS after the last
 * pause: the browser preview's writes, which were one task of up to 0.3 s on the district (issue 12).
 * A pause may throw (a cancelled run): then nothing is returned.
 */
export async function patchWorkbookInSteps(
  original: Uint8Array,
  models: SheetModel[],
  opts: PatchOptions,
  pause: (stepsDone: number) => Promise<void>,
  sliceMs = SLICE_MS,
): Promise<Uint8Array> {
  const steps = patchWorkbookSteps(original, models, opts);
  let last = Date.now();
  for (let done = 1; ; done++) {
    const r = steps.next();
    if (r.done) return r.value;
    if (Date.now() - last < sliceMs) continue;
    await pause(done);
    last = Date.now();
  }
}

/**
 * patchWorkbook as steps: a stop after every ROWS_PER_STEP data rows of a sheet, about
 * patchStepCount(models) in all; run to its end, the same package.
 */
export function* patchWorkbookSteps(
  original: Uint8Array,
  models: SheetModel[],
  opts: PatchOptions,
): Generator<void, Uint8Array> {
  const steps = patchSteps(original, models, opts);
  for (;;) {
    const r = guarded(() => steps.next());
    if (r.done) return concatBytes(guarded(() => r.value.write()));
    yield;
  }
}

/** The stops patchWorkbookSteps makes for `models` (its drop-down lists sheet, if any, adds a few). */
export function patchStepCount(models: readonly SheetModel[]): number {
  return models.reduce((n, m) => n + stepsOf(m), 0);
}

/** The sheet being written after `stepsDone` steps of patchWorkbookSteps (for progress). */
export function sheetAtStep(models: readonly SheetModel[], stepsDone: number): SheetModel | undefined {
  let n = 0;
  for (const m of models) if ((n += stepsOf(m)) > stepsDone) return m;
  return models.at(-1);
}

const stepsOf = (m: SheetModel) => Math.ceil(m.rows.length / ROWS_PER_STEP);

/** How long patchWorkbookInSteps works before it pauses. */
const SLICE_MS = 30;

/**
 * patchWorkbook's package as the pieces it is made of, in order (zipPieces): for a caller that
 * writes them to a file one after another rather than holding the package joined.
 */
export function patchWorkbookPieces(
  original: Uint8Array,
  models: SheetModel[],
  opts: PatchOptions,
): Uint8Array[] {
  const steps = patchSteps(original, models, opts);
  const patched = guarded(() => drain(steps));
  return guarded(() => patched.write());
}

/**
 * patchWorkbookPieces with the large sheets deflated on a worker thread where one can start
 * (deflate-thread.ts; issue 12): the sheets are written here while the worker deflates them, and the
 * package is put together once it has given back the last of them. The bytes are patchWorkbookPieces'
 * own. Should the worker fail, the package is made again on this thread.
 */
export async function patchWorkbookPiecesOffThread(
  original: Uint8Array,
  models: SheetModel[],
  opts: Omit<PatchOptions, "compressor">,
  startThread: () => ThreadCompressor | undefined = deflateOnThread,
): Promise<Uint8Array[]> {
  const thread = startThread();
  if (!thread) return patchWorkbookPieces(original, models, opts);
  try {
    const steps = patchSteps(original, models, { ...opts, compressor: thread });
    const patched = guarded(() => drain(steps));
    await patched.archive.settled();
    return guarded(() => patched.write());
  } catch (e) {
    if (!(e instanceof DeflateThreadError)) throw e;
    return patchWorkbookPieces(original, models, opts);
  } finally {
    await thread.close();
  }
}

/** The archive with its parts, and how to write it. */
interface PreparedPatch {
  archive: PatchedArchive;
  write: () => Uint8Array[];
}

/**
 * Every step but the last, in steps (the new sheets' rows: sheetXmlSteps). The models are planned
 * at once (an unusable model throws here, as it is); the steps over the package are to be run through
 * `guarded` (a damaged package is a LedgerFileError).
 */
function patchSteps(
  original: Uint8Array,
  models: SheetModel[],
  opts: PatchOptions,
): Generator<void, PreparedPatch> {
  const reserved = new Set(opts.replace.map(sheetKey));
  const { sheets: plans } = planWorkbook(models); // checks the sheet names first
  const modelKeys = new Set(models.map((m) => sheetKey(m.name)));
  // the lists sheet of long drop-downs is a result sheet too: a re-run replaces it
  if (plans.length > models.length) reserved.add(sheetKey(LISTS_SHEET));
  const charts = resolveCharts(plans);
  return packageSteps(original, { plans, charts, reserved, modelKeys }, opts);
}

/** What patchSteps planned from the models. */
interface PlannedPatch {
  plans: SheetPlan[];
  charts: ResolvedChart[][];
  /** Sheets to remove first (result names, compared as Excel does), and the new sheets' names. */
  reserved: Set<string>;
  modelKeys: Set<string>;
}

function* packageSteps(
  original: Uint8Array,
  { plans, charts, reserved, modelKeys }: PlannedPatch,
  opts: PatchOptions,
): Generator<void, PreparedPatch> {
  const src = openSource(original);
  const { wb, wbRels } = src;
  const removal = planRemoval(src, reserved, modelKeys, plans.length);
  const contentTypes = readContentTypes(src.pkg);
  const names = NameAllocator.forPackage(src, removal, contentTypes);
  const styles = prepareStyles(src, removal, names, plans);
  const news = layoutNewSheets(plans, charts, wb.part, removal.keptCount, names);
  const compressor = opts.compressor ?? defaultCompressor();

  const archive = new PatchedArchive();
  archive.setText(styles.part, styles.xml, styles.created);
  const parts = { date1904: wb.date1904, styles: styles.styles, compressor };
  for (const ns of news) archive.add(yield* newSheetParts(ns, parts));
  archive.setText(wb.part, patchWorkbookXml(wb, removal, news));
  const dropped = styles.dangling ? [...removal.droppedRels, styles.dangling] : removal.droppedRels;
  archive.setText(
    wbRels.part,
    patchWorkbookRels(wbRels, wb.part, dropped, news, styles, names),
    wbRels.created,
  );
  const overrides = newPartOverrides(news, styles);
  archive.setText(contentTypes.part, patchContentTypes(contentTypes, removal.removedParts, overrides));
  return { archive, write: () => archive.write(src, removal.isKept, { now: opts.now, compressor }) };
}
