// An in-memory LedgerHost for the task-pane component tests: a Workbook of Grids that records every
// call, writes SheetModels as plain grids, and can be told to block (until cancelled) or fail.
import type { CellValue, Grid, Workbook } from "../../src/engine/grid";
import { parseA1 } from "../../src/engine/grid";
import { dayToSerial, parseISO } from "../../src/engine/dates";
import type { SheetModel } from "../../src/report/sheet-model";
import {
  CancelledError,
  type CellFix,
  type CellRef,
  type HostCapabilities,
  type LedgerHost,
  type RunOptions,
} from "../../src/hosts/host";

export type Method = keyof LedgerHost;

/** SheetModels → Grids as a writer lays them out (title, preamble, header, rows; ISO dates → serials). */
export function modelGrid(m: SheetModel): Grid {
  const rows: (CellValue[] | undefined)[] = [];
  const formats: ((string | undefined)[] | undefined)[] = [];
  if (m.title) rows.push([m.title]);
  for (const line of m.preamble ?? []) rows.push([line]);
  rows.push(m.columns.map((c) => c.header));
  for (const r of m.rows) {
    const f: (string | undefined)[] = [];
    rows.push(
      r.map((v, c) => {
        if (m.columns[c]?.format === "date" && typeof v === "string" && parseISO(v) !== undefined) {
          f[c] = "yyyy-mm-dd";
          return dayToSerial(parseISO(v)!, false);
        }
        return v;
      }),
    );
    formats[rows.length - 1] = f;
  }
  return { name: m.name, rows, formats, merges: [] };
}

export function workbookOf(models: readonly SheetModel[]): Workbook {
  return { date1904: false, sheets: models.map(modelGrid) };
}

function clone(wb: Workbook): Workbook {
  return {
    date1904: wb.date1904,
    definedNames: wb.definedNames ? { ...wb.definedNames } : undefined,
    sheets: wb.sheets.map((g) => ({
      ...g,
      rows: g.rows.map((r) => (r ? [...r] : r)),
      formats: g.formats?.map((r) => (r ? [...r] : r)),
      merges: [...g.merges],
    })),
  };
}

export class FakeHost implements LedgerHost {
  wb: Workbook;
  calls: { method: Method; args: unknown[] }[] = [];
  highlights: { refs: CellRef[]; color: string }[] = [];
  active: string | null = null;
  /** Methods that wait until the run is cancelled (then throw CancelledError). */
  block = new Set<Method>();
  /** Methods that throw this error. */
  fail = new Map<Method, Error>();

  constructor(wb: Workbook) {
    this.wb = clone(wb);
  }

  private async enter(method: Method, args: unknown[], o?: RunOptions): Promise<void> {
    this.calls.push({ method, args });
    o?.onProgress?.({ stage: { "zh-CN": method, en: method }, done: 0, total: 1 });
    const err = this.fail.get(method);
    if (err) throw err;
    if (this.block.has(method))
      await new Promise<void>((_, reject) => {
        const abort = () => reject(new CancelledError());
        if (o?.signal?.aborted) abort();
        o?.signal?.addEventListener("abort", abort);
      });
    if (o?.signal?.aborted) throw new CancelledError();
  }

  callsOf(method: Method) {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async capabilities(): Promise<HostCapabilities> {
    return {
      kind: "preview",
      tables: true,
      conditionalFormats: true,
      hyperlinks: true,
      dataValidation: true,
      notes: [],
    };
  }

  async readWorkbook(o?: RunOptions): Promise<Workbook> {
    await this.enter("readWorkbook", [], o);
    return clone(this.wb);
  }

  async writeSheets(models: SheetModel[], o: RunOptions & { replace: readonly string[] }): Promise<void> {
    await this.enter("writeSheets", [models, o.replace], o);
    for (const m of models) {
      const i = this.wb.sheets.findIndex((g) => g.name === m.name);
      if (i >= 0) this.wb.sheets.splice(i, 1, modelGrid(m));
      else this.wb.sheets.push(modelGrid(m));
    }
  }

  async addMissingSheets(models: SheetModel[], o?: RunOptions): Promise<string[]> {
    await this.enter("addMissingSheets", [models], o);
    const added = models.filter((m) => !this.wb.sheets.some((g) => g.name === m.name));
    for (const m of added) this.wb.sheets.push(modelGrid(m));
    return added.map((m) => m.name);
  }

  async selectCell(ref: CellRef): Promise<void> {
    await this.enter("selectCell", [ref]);
    this.active = ref.sheet;
  }

  async activateSheet(name: string): Promise<void> {
    await this.enter("activateSheet", [name]);
    this.active = name;
  }

  async highlightCells(refs: CellRef[], color: string, o?: RunOptions): Promise<void> {
    await this.enter("highlightCells", [refs, color], o);
    this.highlights.push({ refs, color });
  }

  async clearHighlights(o?: RunOptions): Promise<void> {
    await this.enter("clearHighlights", [], o);
    this.highlights = [];
  }

  async applyFixes(fixes: CellFix[], o?: RunOptions): Promise<void> {
    await this.enter("applyFixes", [fixes], o);
    for (const f of fixes) {
      const g = this.wb.sheets.find((s) => s.name === f.sheet)!;
      const { row, col } = parseA1(f.cell);
      const r = (g.rows[row] ??= []);
      if (f.kind === "date") {
        r[col] = dayToSerial(parseISO(String(f.value))!, this.wb.date1904);
        ((g.formats ??= [])[row] ??= [])[col] = "yyyy-mm-dd";
      } else r[col] = f.value;
    }
  }
}
