// A small, typed fake of the Excel JavaScript API objects the Office host uses — strict where real
// Excel is strict, so host bugs show up in unit tests:
//
// - Calls are queued and only run at `context.sync()` (in order; a failing call stops the batch, the
//   calls before it stay applied — Excel batches are not transactions).
// - Reading a property that was not loaded and synced THROWS (PropertyNotLoaded), as does using a
//   null object or an API whose requirement set is not supported (ApiNotFound).
// - Every sync is counted with its estimated request bytes (JSON size of the queued arguments plus a
//   per-call overhead) and response bytes; over 5 MB either way throws like RichApi.Error
//   RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded. A range read over
//   5,000,000 cells returns null values (office-js #4783).
// - Strings written to a cell whose number format is not `@` are interpreted as Excel interprets
//   typed input: `= + - @` start a formula (→ "#NAME?" or a number), numeric text becomes a number,
//   an ISO date becomes a date serial — so a host that forgets the text format is caught.
// - Every applied call is logged in order (`log`), for assertions such as "numberFormat before values".
// - Failures can be injected: `failAtSync` makes sync n throw before any of its calls runs, `failOn`
//   makes one call throw when it runs (the calls before it in that sync stay applied, as in Excel) —
//   e.g. a rename or a delete; a write protocol is tested by failing each of its syncs in turn.
// - Protection: a protected workbook structure (`structureProtected`, WorkbookProtection, ExcelApi
//   1.7) refuses adding, deleting, renaming, hiding and moving sheets; a protected sheet
//   (`SheetState.protected`, WorksheetProtection, 1.2) refuses writes to its cells' values, number
//   formats and fills — with AccessDenied, as Excel does.
// - Freezing panes on a hidden sheet fails (office-js #1463, #2196, #3148).
//
// Sheets are held as 2-D arrays of values and number formats plus a map of fills. Charts are recorded
// (type, source, series with their value and category ranges, title, legend, position, value axis);
// their ranges follow sheet renames as Excel's do, and go with a deleted sheet.
//
// The layout calls are recorded in sheet state too: column widths and row heights (points), merges,
// range formats (font, alignment, wrap, borders: `looks`, folded per cell by `lookAt`), drop-downs
// (rule, prompt, error alert; a list source that refers to a range follows sheet renames like a chart's
// ranges), frozen rows, page layout (paper, orientation, print titles, zoom, header/footer texts) and
// manual page breaks. A list source is read as Excel reads the Source box of the Data Validation
// dialog (and as the Office.js docs show it): text starting with `=` is a formula (a range
// reference such as `=Names!$A$1:$A$3`), any other text a literal comma-separated list (quotes stay
// part of the items).
import { a1, parseA1, type CellValue } from "../../src/engine/grid";
import { dayFromYMD, dayToSerial, serialToDay, ymd } from "../../src/engine/dates";

export const REQUEST_LIMIT = 5 * 1024 * 1024;
export const RESPONSE_LIMIT = 5 * 1024 * 1024;
export const READ_CELL_LIMIT = 5_000_000;
/** Estimated bytes of one queued call (method name, object path, ids) besides its arguments. */
export const CALL_OVERHEAD = 60;

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface FakeSheetSeed {
  name: string;
  /** Row-major values; null/undefined/"" = blank. */
  values?: (CellValue | undefined)[][];
  /** Number formats parallel to values (undefined = General). */
  formats?: (string | undefined)[][];
  /** A1 → "#RRGGBB" (solid) or a full fill. */
  fills?: Record<string, string | FakeFill>;
  /** A1 ranges. */
  merges?: string[];
  /** A1 → formula text (`=SUM(A1:A3)`); the cell's value is what `values` gives (the result). */
  formulas?: Record<string, string>;
  visibility?: Visibility;
  /** Worksheet protection on. */
  protected?: boolean;
}

export interface FakeOptions {
  sheets: FakeSheetSeed[];
  use1904?: boolean;
  /** Highest supported minor version of ExcelApi 1.x (default 16). */
  apiMinor?: number;
  /** Workbook-level defined names with text values. */
  names?: Record<string, string>;
  requestLimit?: number;
  /** Workbook structure protected. */
  structureProtected?: boolean;
}

export class FakeRichApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface OpRecord {
  /** 1-based index of the sync that ran the call. */
  sync: number;
  kind: string;
  /** The sheet's name when the call ran. */
  sheet?: string;
  address?: string;
  detail?: unknown;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  calls: number;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type Stored = string | number | boolean | null;

/** A range a chart refers to: follows its sheet's renames; "#REF!" once the sheet is deleted. */
export interface FakeChartRef {
  sheet: SheetState;
  rect: Rect;
}

export interface FakeChartSeriesState {
  name?: string;
  values?: FakeChartRef;
  xValues?: FakeChartRef;
  /** Fill colour set through format.fill.setSolidColor. */
  color?: string;
}

export interface FakeChartState {
  type: string;
  source: FakeChartRef;
  seriesBy?: string;
  title?: string;
  legend: { position?: string; visible?: boolean };
  /** setPosition's cells as given. */
  position?: { start: string; end?: string };
  series: FakeChartSeriesState[];
  valueAxis: { numberFormat?: string; minimum?: number; maximum?: number };
}

/** A chart as a test sees it: ranges as `'Sheet'!A1:B2` under the sheets' current names. */
export interface FakeChartView {
  type: string;
  source: string;
  title?: string;
  legend: { position?: string; visible?: boolean };
  position?: { start: string; end?: string };
  series: { name?: string; values?: string; xValues?: string; color?: string }[];
  valueAxis: { numberFormat?: string; minimum?: number; maximum?: number };
}

/** A range format call as recorded: the range, the property path and the value set. */
export interface FakeLook {
  rect: Rect;
  prop: string;
  value: unknown;
}

export interface FakeValidationState {
  address: string;
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
  /** The range a list source refers to (resolved when the rule is applied; follows renames). */
  listRef?: FakeChartRef;
}

export type FakeHeaderFooterField =
  "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter";

export interface FakePageState {
  orientation?: string;
  paperSize?: string;
  printTitles?: string;
  /** Set only once zoom is written (ExcelApi 1.9). */
  zoom?: Excel.PageLayoutZoomOptions;
  /** headersFooters.defaultForAllPages texts, set only once one is written (ExcelApi 1.9). */
  headersFooters?: Partial<Record<FakeHeaderFooterField, string>>;
}

/** A drop-down as a test sees it: the source under the sheets' current names and its items. */
export interface FakeValidationView {
  address: string;
  /** The list source as Excel would show it now (a reference under the current sheet names). */
  source?: string;
  /** The items of a list: a literal list split at commas, or the values of the referenced cells. */
  items?: string[];
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
}

export class SheetState {
  values: Stored[][] = [];
  formats: (string | undefined)[][] = [];
  formulas = new Set<number>();
  /** The formula text of formula cells that were seeded with one (Range.formulas). */
  formulaText = new Map<number, string>();
  fills = new Map<number, FakeFill>();
  merges: Rect[] = [];
  hyperlinks = new Map<number, Excel.RangeHyperlink>();
  conditional: { address: string; rule: unknown; fill?: string; font?: string }[] = [];
  validations: FakeValidationState[] = [];
  tables: { name: string; address: string }[] = [];
  frozenRows = 0;
  autoFilter?: string;
  page: FakePageState = {};
  /** Points per 0-based column (format.columnWidth). */
  columnWidths = new Map<number, number>();
  /** Points per 0-based row (format.rowHeight). */
  rowHeights = new Map<number, number>();
  /** Range formats in call order (later calls win): `font.bold`, `horizontalAlignment`, `border.EdgeTop.style`, … */
  looks: FakeLook[] = [];
  /** 0-based rows with a manual page break above them (horizontalPageBreaks.add), in call order. */
  rowBreaks: number[] = [];
  charts: FakeChartState[] = [];
  /** Worksheet protection on (its cells refuse writes). */
  protected = false;
  constructor(
    public name: string,
    public visibility: Visibility,
    readonly id: string,
  ) {}

  value(r: number, c: number): Stored {
    const v = this.values[r]?.[c];
    return v === undefined ? null : v;
  }
  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? "General";
  }
  setValue(r: number, c: number, v: Stored): void {
    (this.values[r] ??= [])[c] = v;
  }
  setFormat(r: number, c: number, f: string): void {
    (this.formats[r] ??= [])[c] = f;
  }
  /** Bounding box of non-blank values (or of anything formatted, when !valuesOnly). */
  used(valuesOnly: boolean): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const see = (r: number, c: number) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    this.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") see(r, c);
      }),
    );
    if (!valuesOnly) {
      this.formats.forEach((row, r) =>
        row?.forEach((f, c) => {
          if (f !== undefined && f !== "General") see(r, c);
        }),
      );
      for (const k of this.fills.keys()) see(Math.floor(k / COLS), k % COLS);
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }
}

const COLS = 16384;
const key = (r: number, c: number) => r * COLS + c;

function utf8Length(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

function jsonBytes(v: unknown): number {
  return v === undefined ? 0 : utf8Length(JSON.stringify(v));
}

function parseAddress(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = bare.replace(/\$/g, "").split(":");
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

function rectAddress(r: Rect): string {
  const x = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? x : `${x}:${a1(r.bottom, r.right)}`;
}

function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function cellCount(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function rejectName(name: string): boolean {
  return name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name);
}

/** Displays a number as Excel would for the few formats the tests use. */
function displayText(v: Stored, format: string, use1904: boolean): string {
  if (v === null) return "";
  if (typeof v !== "number") return String(v);
  if (/[yd]/i.test(format.replace(/"[^"]*"/g, ""))) {
    const day = serialToDay(v, use1904);
    if (day === undefined) return "#######";
    const { y, m, d } = ymd(day);
    return format
      .replace(/"([^"]*)"/g, "$1")
      .replace(/yyyy/gi, String(y))
      .replace(/yy/gi, String(y % 100).padStart(2, "0"))
      .replace(/mm/gi, String(m).padStart(2, "0"))
      .replace(/(?<![a-z])m(?![a-z])/gi, String(m))
      .replace(/dd/gi, String(d).padStart(2, "0"))
      .replace(/(?<![a-z])d(?![a-z])/gi, String(d));
  }
  return String(v);
}

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------

interface Pending {
  kind: string;
  args: unknown;
  bytes: number;
  apply: () => OpRecordInput | void;
}

type OpRecordInput = Omit<OpRecord, "sync">;

/** The request context: queue, sync, stats. */
export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  private queue: Pending[] = [];
  constructor(readonly fake: ExcelFake) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  enqueue(kind: string, args: unknown, apply: () => OpRecordInput | void): void {
    this.queue.push({ kind, args, bytes: CALL_OVERHEAD + jsonBytes(args), apply });
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const fake = this.fake;
    const queue = this.queue;
    this.queue = [];
    fake.syncCount++;
    const n = fake.syncCount;
    const requestBytes = queue.reduce((s, p) => s + p.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, calls: queue.length };
    fake.syncs.push(record);
    await Promise.resolve();
    const injected = fake.failAtSync?.(
      n,
      queue.map((p) => p.kind),
    );
    if (injected) throw injected;
    if (requestBytes > fake.requestLimit)
      throw new FakeRichApiError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
      );
    fake.responseBytes = 0;
    for (const [index, p] of queue.entries()) {
      const failure = fake.failOn?.({ sync: n, index, calls: queue.length, kind: p.kind, args: p.args });
      if (failure) throw failure;
      const rec = p.apply();
      if (rec) fake.log.push({ sync: n, ...rec });
    }
    record.responseBytes = fake.responseBytes;
    if (fake.responseBytes > RESPONSE_LIMIT)
      throw new FakeRichApiError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${fake.responseBytes} bytes).`,
      );
  }
}

function apiNotFound(api: string): FakeRichApiError {
  return new FakeRichApiError("ApiNotFound", `The API you are trying to use could not be found (${api}).`);
}

/** Base of every proxy: load-before-read, requirement sets, null objects. */
abstract class FakeObject {
  private loaded = new Map<string, unknown>();
  constructor(readonly context: FakeContext) {}

  protected requireSet(minor: number, api: string): void {
    if (this.context.fake.apiMinor < minor) throw apiNotFound(api);
  }
  /** Current values of the loadable properties (read at apply time). */
  protected abstract snapshot(prop: string): unknown;

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new FakeRichApiError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.loaded.get(prop) as T;
  }

  protected setLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }

  /** Loads a property immediately (inside another call's apply: a collection's `items/…`). */
  loadNow(prop: string): void {
    this.loaded.set(prop, this.snapshot(prop));
  }

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(","))
      .map((s) => s.trim())
      .filter(Boolean);
    this.context.enqueue("load", list, () => {
      for (const p of list) {
        // properties of a null object load as null (check isNullObject before reading them)
        const v = this.isNullNow() ? null : this.snapshot(p);
        this.context.fake.responseBytes += jsonBytes(v) + 10;
        this.loaded.set(p, v);
      }
      return { kind: "load", ...this.describe(), detail: list };
    });
    return this;
  }

  protected describe(): { sheet?: string; address?: string } {
    return {};
  }

  /** True for a *OrNullObject result that found nothing (evaluated at apply time). */
  protected isNullNow(): boolean {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

export class FakeApplication extends FakeObject {
  constructor(context: FakeContext) {
    super(context);
  }
  protected snapshot(): unknown {
    return undefined;
  }
  suspendApiCalculationUntilNextSync(): void {
    this.requireSet(6, "suspendApiCalculationUntilNextSync");
    this.context.enqueue("suspendCalc", null, () => ({ kind: "suspendCalc" }));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.requireSet(9, "suspendScreenUpdatingUntilNextSync");
    this.context.enqueue("suspendScreen", null, () => ({ kind: "suspendScreen" }));
  }
}

function accessDenied(what: string): FakeRichApiError {
  return new FakeRichApiError("AccessDenied", `You cannot perform the requested operation (${what}).`);
}

/** Structure changes on a protected workbook fail. */
function checkStructure(fake: ExcelFake, what: string): void {
  if (fake.structureProtected) throw accessDenied(`${what}: the workbook structure is protected`);
}

/** Cell writes on a protected sheet fail. */
function checkSheetWrite(s: SheetState, what: string): void {
  if (s.protected) throw accessDenied(`${what}: the sheet ${s.name} is protected`);
}

/** WorkbookProtection / WorksheetProtection: only `protected` is modelled. */
export class FakeProtection extends FakeObject {
  constructor(
    context: FakeContext,
    private isProtected: () => boolean,
  ) {
    super(context);
  }
  protected snapshot(prop: string): unknown {
    return prop === "protected" ? this.isProtected() : undefined;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  constructor(context: FakeContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
  }
  protected snapshot(): unknown {
    return undefined;
  }
  /** WorkbookProtection (ExcelApi 1.7). */
  get protection(): FakeProtection {
    this.requireSet(7, "Workbook.protection");
    return new FakeProtection(this.context, () => this.context.fake.structureProtected);
  }
  get functions(): FakeFunctions {
    this.requireSet(2, "workbook.functions");
    return new FakeFunctions(this.context);
  }
}

export class FakeFunctionResult extends FakeObject {
  private result: { value: number | null; error: string | null } = { value: null, error: null };
  constructor(context: FakeContext, compute: () => { value: number | null; error: string | null }) {
    super(context);
    context.enqueue("function", null, () => {
      this.result = compute();
      return { kind: "function" };
    });
  }
  protected snapshot(prop: string): unknown {
    return prop === "value" ? this.result.value : prop === "error" ? this.result.error : undefined;
  }
  get value(): number {
    return this.read("value");
  }
  get error(): string {
    return this.read("error");
  }
}

export class FakeFunctions {
  constructor(private context: FakeContext) {}
  date(year: number, month: number, day: number): FakeFunctionResult {
    const fake = this.context.fake;
    return new FakeFunctionResult(this.context, () => {
      const d = dayFromYMD(year, month, day);
      return d === undefined
        ? { value: null, error: "#NUM!" }
        : { value: dayToSerial(d, fake.use1904), error: null };
    });
  }
}

export class FakeNamedItem extends FakeObject {
  constructor(
    context: FakeContext,
    private item: { name: string; value: string },
  ) {
    super(context);
  }
  protected snapshot(prop: string): unknown {
    if (prop === "name") return this.item.name;
    if (prop === "type") return "String";
    if (prop === "value") return this.item.value;
    if (prop === "formula") {
      this.requireSet(7, "NamedItem.formula");
      return `="${this.item.value.replace(/"/g, '""')}"`;
    }
    return undefined;
  }
  get name(): string {
    return this.read("name");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): unknown {
    return this.read("value");
  }
  get formula(): unknown {
    return this.read("formula");
  }
}

export class FakeNamedItemCollection extends FakeObject {
  private list: FakeNamedItem[] = [];
  constructor(context: FakeContext) {
    super(context);
  }
  protected snapshot(): unknown {
    return undefined;
  }
  override load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(","))
      .map((s) => s.trim().replace(/^items\//, ""))
      .filter((s) => s && s !== "items");
    this.context.enqueue("load", list, () => {
      this.list = Object.entries(this.context.fake.names).map(
        ([name, value]) => new FakeNamedItem(this.context, { name, value }),
      );
      for (const it of this.list) for (const p of list) it.loadNow(p);
      this.setLoaded("items", this.list);
      return { kind: "load", detail: ["names", ...list] };
    });
    return this;
  }
  get items(): FakeNamedItem[] {
    return this.read("items");
  }
}
// ---------------------------------------------------------------------------------------------

export class FakeWorksheetCollection extends FakeObject {
  private list: FakeWorksheet[] = [];
  constructor(context: FakeContext) {
    super(context);
  }
  protected snapshot(): unknown {
    return undefined;
  }
  override load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(","))
      .map((s) => s.trim().replace(/^items\//, ""))
      .filter((s) => s && s !== "items");
    this.context.enqueue("load", list, () => {
      this.list = this.context.fake.sheets.map((s) => FakeWorksheet.bound(this.context, s));
      for (const ws of this.list) for (const p of list) ws.loadNow(p);
      this.context.fake.responseBytes += this.list.length * 30;
      this.setLoaded("items", this.list);
      return { kind: "load", detail: ["worksheets", ...list] };
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.read("items");
  }

  add(name?: string): FakeWorksheet {
    const fake = this.context.fake;
    const ws = new FakeWorksheet(this.context, () => {
      throw new Error("unreachable: add binds the sheet");
    });
    this.context.enqueue("add", name, () => {
      const n = name ?? `Sheet${fake.sheets.length + 1}`;
      if (rejectName(n))
        throw new FakeRichApiError("InvalidArgument", `The argument is invalid or missing: sheet name ${n}`);
      checkStructure(fake, "add a sheet");
      if (fake.find(n)) throw new FakeRichApiError("ItemAlreadyExists", `A sheet named ${n} already exists.`);
      const s = new SheetState(n, "Visible", `{${++fake.nextId}}`);
      fake.sheets.push(s);
      ws.bind(s);
      return { kind: "add", sheet: n };
    });
    return ws;
  }

  getItem(name: string): FakeWorksheet {
    const fake = this.context.fake;
    return new FakeWorksheet(this.context, () => {
      const s = fake.find(name);
      if (!s) throw new FakeRichApiError("ItemNotFound", `The requested resource doesn't exist (${name}).`);
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.requireSet(4, "getItemOrNullObject");
    const fake = this.context.fake;
    const ws = new FakeWorksheet(this.context, () => fake.find(name) ?? null);
    ws.resolveAtSync();
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    const fake = this.context.fake;
    return new FakeWorksheet(this.context, () => fake.active ?? fake.sheets[0]);
  }
}

export class FakeWorksheet extends FakeObject {
  private sheet: SheetState | null | undefined;
  private resolved = false;
  readonly freezePanes: FakeFreezePanes;
  readonly tables: FakeTableCollection;
  readonly autoFilter: FakeAutoFilter;
  private layout?: FakePageLayout;
  private pageBreaks?: FakePageBreakCollection;
  private chartCollection?: FakeChartCollection;
  constructor(
    context: FakeContext,
    private resolver: () => SheetState | null,
  ) {
    super(context);
    this.freezePanes = new FakeFreezePanes(this);
    this.tables = new FakeTableCollection(this);
    this.autoFilter = new FakeAutoFilter(this);
  }
  static bound(context: FakeContext, s: SheetState): FakeWorksheet {
    const ws = new FakeWorksheet(context, () => s);
    ws.bind(s);
    return ws;
  }
  bind(s: SheetState): void {
    this.sheet = s;
    this.resolved = true;
  }
  /** For *OrNullObject: resolved in queue order so isNullObject is known after the sync. */
  resolveAtSync(): void {
    this.context.enqueue("getItemOrNullObject", null, () => {
      this.state(true);
    });
  }
  /** The sheet (resolved once, at apply time). Throws for a null object unless allowNull. */
  state(allowNull = false): SheetState {
    if (!this.resolved) {
      this.sheet = this.resolver();
      this.resolved = true;
    }
    if (!this.sheet) {
      if (allowNull) return undefined as unknown as SheetState;
      throw new FakeRichApiError(
        "InvalidObjectPath",
        "The object path is not valid: the worksheet is a null object.",
      );
    }
    if (!this.context.fake.sheets.includes(this.sheet))
      throw new FakeRichApiError("ItemNotFound", `The worksheet ${this.sheet.name} was deleted.`);
    return this.sheet;
  }
  get isNullObject(): boolean {
    if (!this.resolved)
      throw new FakeRichApiError("PropertyNotLoaded", "isNullObject is not available before sync");
    return !this.sheet;
  }
  protected override isNullNow(): boolean {
    return this.state(true) === undefined;
  }
  protected snapshot(prop: string): unknown {
    const s = this.state();
    if (prop === "name") return s.name;
    if (prop === "visibility") return s.visibility;
    if (prop === "id") return s.id;
    if (prop === "position") return this.context.fake.sheets.indexOf(s);
    return undefined;
  }
  protected override describe() {
    return { sheet: this.sheet?.name };
  }

  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.context.enqueue("rename", v, () => {
      const s = this.state();
      const fake = this.context.fake;
      checkStructure(fake, "rename a sheet");
      if (rejectName(v)) throw new FakeRichApiError("InvalidArgument", `Invalid sheet name ${v}`);
      const other = fake.find(v);
      if (other && other !== s) throw new FakeRichApiError("ItemAlreadyExists", `A sheet named ${v} exists.`);
      const from = s.name;
      s.name = v;
      return { kind: "rename", sheet: v, detail: from };
    });
  }
  get visibility(): Visibility {
    return this.read("visibility");
  }
  set visibility(v: Visibility) {
    this.context.enqueue("visibility", v, () => {
      const s = this.state();
      const fake = this.context.fake;
      checkStructure(fake, "hide or show a sheet");
      if (v !== "Visible" && fake.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0)
        throw new FakeRichApiError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      s.visibility = v;
      return { kind: "visibility", sheet: s.name, detail: v };
    });
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  /** Moves the sheet to a 0-based tab position (the others shift), as Worksheet.position does. */
  set position(v: number) {
    this.context.enqueue("position", v, () => {
      const s = this.state();
      const fake = this.context.fake;
      checkStructure(fake, "move a sheet");
      if (!Number.isInteger(v) || v < 0 || v >= fake.sheets.length)
        throw new FakeRichApiError("InvalidArgument", `The argument is invalid: position ${v}`);
      fake.sheets.splice(fake.sheets.indexOf(s), 1);
      fake.sheets.splice(v, 0, s);
      return { kind: "position", sheet: s.name, detail: v };
    });
  }
  /** WorksheetProtection (ExcelApi 1.2). */
  get protection(): FakeProtection {
    this.requireSet(2, "Worksheet.protection");
    return new FakeProtection(this.context, () => this.state().protected);
  }

  delete(): void {
    this.context.enqueue("delete", null, () => {
      const s = this.state();
      const fake = this.context.fake;
      checkStructure(fake, "delete a sheet");
      if (s.visibility === "VeryHidden")
        throw new FakeRichApiError("InvalidOperation", "A very hidden worksheet cannot be deleted.");
      if (s.visibility === "Visible" && fake.sheets.filter((x) => x.visibility === "Visible").length === 1)
        throw new FakeRichApiError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      fake.sheets.splice(fake.sheets.indexOf(s), 1);
      if (fake.active === s) fake.active = undefined;
      return { kind: "delete", sheet: s.name };
    });
  }
  activate(): void {
    this.context.enqueue("activate", null, () => {
      const s = this.state();
      if (s.visibility !== "Visible")
        throw new FakeRichApiError("InvalidOperation", "A hidden worksheet cannot be activated.");
      this.context.fake.active = s;
      return { kind: "activate", sheet: s.name };
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this, () => parseAddress(address ?? "A1:XFD1048576"));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.requireSet(7, "getRangeByIndexes");
    return new FakeRange(this, () => ({
      top: row,
      left: col,
      bottom: row + rows - 1,
      right: col + cols - 1,
    }));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.requireSet(2, "getUsedRange(valuesOnly)");
    // a blank sheet gives A1
    return new FakeRange(
      this,
      () => this.state().used(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      true,
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.requireSet(4, "getUsedRangeOrNullObject");
    const r = new FakeRange(this, () => this.state().used(valuesOnly === true) ?? null, true);
    r.resolveAtSync();
    return r;
  }
  get pageLayout(): FakePageLayout {
    this.requireSet(9, "pageLayout");
    return (this.layout ??= new FakePageLayout(this));
  }
  get horizontalPageBreaks(): FakePageBreakCollection {
    this.requireSet(9, "Worksheet.horizontalPageBreaks");
    return (this.pageBreaks ??= new FakePageBreakCollection(this));
  }
  get charts(): FakeChartCollection {
    this.requireSet(1, "Worksheet.charts");
    return (this.chartCollection ??= new FakeChartCollection(this));
  }
}

export class FakeFreezePanes {
  constructor(private ws: FakeWorksheet) {}
  freezeRows(count?: number): void {
    if (this.ws.context.fake.apiMinor < 7) throw apiNotFound("freezePanes");
    this.ws.context.enqueue("freeze", count, () => {
      const s = this.ws.state();
      if (s.visibility !== "Visible")
        throw new FakeRichApiError(
          "GeneralException",
          "There was an internal error (freeze panes on a hidden sheet).",
        );
      s.frozenRows = count ?? 1;
      return { kind: "freeze", sheet: s.name, detail: count };
    });
  }
}

export class FakeAutoFilter {
  constructor(private ws: FakeWorksheet) {}
  apply(range: FakeRange | string): void {
    if (this.ws.context.fake.apiMinor < 9) throw apiNotFound("autoFilter");
    this.ws.context.enqueue("autoFilter", String(range), () => {
      const s = this.ws.state();
      s.autoFilter = typeof range === "string" ? range : range.addressNow();
      return { kind: "autoFilter", sheet: s.name, address: s.autoFilter };
    });
  }
}

export class FakePageLayout {
  private hf?: { defaultForAllPages: FakeHeaderFooter };
  constructor(private ws: FakeWorksheet) {}
  private set(field: "orientation" | "paperSize" | "printTitles", v: string) {
    this.ws.context.enqueue("pageLayout", v, () => {
      const s = this.ws.state();
      s.page[field] = v;
      return { kind: "pageLayout", sheet: s.name, detail: { [field]: v } };
    });
  }
  /** PageLayout.zoom (ExcelApi 1.9): set as a whole object, as Excel requires. */
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.ws.context.enqueue("pageLayout", { zoom: v }, () => {
      const s = this.ws.state();
      const { scale, horizontalFitToPages: h, verticalFitToPages: w } = v;
      if (scale !== undefined && scale !== null && (scale < 10 || scale > 400))
        throw new FakeRichApiError("InvalidArgument", `The argument is invalid: zoom scale ${scale}`);
      if ((h !== undefined && h !== null && h < 0) || (w !== undefined && w !== null && w < 0))
        throw new FakeRichApiError("InvalidArgument", "The argument is invalid: fit to pages");
      s.page.zoom = { ...v };
      return { kind: "pageLayout", sheet: s.name, detail: { zoom: v } };
    });
  }
  /** PageLayout.headersFooters (ExcelApi 1.9): only defaultForAllPages is modelled. */
  get headersFooters(): { defaultForAllPages: FakeHeaderFooter } {
    if (this.ws.context.fake.apiMinor < 9) throw apiNotFound("PageLayout.headersFooters");
    return (this.hf ??= { defaultForAllPages: new FakeHeaderFooter(this.ws) });
  }
  set orientation(v: string) {
    this.set("orientation", v);
  }
  set paperSize(v: string) {
    this.set("paperSize", v);
  }
  setPrintTitleRows(rows: string): void {
    this.set("printTitles", rows);
  }
}

/** HeaderFooter (ExcelApi 1.9): the six texts, in Excel's codes (&P, &N, &D, …). */
export class FakeHeaderFooter {
  constructor(private ws: FakeWorksheet) {}
  private set(field: FakeHeaderFooterField, v: string) {
    this.ws.context.enqueue("headerFooter", { [field]: v }, () => {
      const s = this.ws.state();
      (s.page.headersFooters ??= {})[field] = v;
      return { kind: "headerFooter", sheet: s.name, detail: { [field]: v } };
    });
  }
  set leftHeader(v: string) {
    this.set("leftHeader", v);
  }
  set centerHeader(v: string) {
    this.set("centerHeader", v);
  }
  set rightHeader(v: string) {
    this.set("rightHeader", v);
  }
  set leftFooter(v: string) {
    this.set("leftFooter", v);
  }
  set centerFooter(v: string) {
    this.set("centerFooter", v);
  }
  set rightFooter(v: string) {
    this.set("rightFooter", v);
  }
}

/** Worksheet.horizontalPageBreaks (ExcelApi 1.9): add(range) puts a break above the range's first row. */
export class FakePageBreakCollection {
  constructor(private ws: FakeWorksheet) {}
  add(pageBreakRange: FakeRange | string): void {
    const address = typeof pageBreakRange === "string" ? pageBreakRange : "range";
    this.ws.context.enqueue("pageBreak", address, () => {
      const s = this.ws.state();
      const rect = typeof pageBreakRange === "string" ? parseAddress(pageBreakRange) : pageBreakRange.area();
      if (rect.top === 0)
        throw new FakeRichApiError("InvalidArgument", "The argument is invalid: no page break above row 1");
      if (!s.rowBreaks.includes(rect.top)) s.rowBreaks.push(rect.top);
      return { kind: "pageBreak", sheet: s.name, address: rectAddress(rect) };
    });
  }
}

export class FakeTable extends FakeObject {
  entry?: { name: string; address: string };
  constructor(
    private ws: FakeWorksheet,
    address: string,
  ) {
    super(ws.context);
    const fake = ws.context.fake;
    ws.context.enqueue("table", address, () => {
      const s = ws.state();
      const rect = parseAddress(address);
      if (s.merges.some((m) => intersects(m, rect)))
        throw new FakeRichApiError("InvalidOperation", "A table cannot overlap merged cells.");
      this.entry = { name: `Table${++fake.nextTable}`, address: rectAddress(rect) };
      s.tables.push(this.entry);
      return { kind: "table", sheet: s.name, address: this.entry.address };
    });
  }
  protected snapshot(prop: string): unknown {
    return prop === "name" ? this.entry?.name : undefined;
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.ws.context.enqueue("tableName", v, () => {
      const fake = this.ws.context.fake;
      const taken = fake.sheets.some((s) =>
        s.tables.some((t) => t !== this.entry && t.name.toLowerCase() === v.toLowerCase()),
      );
      if (taken) throw new FakeRichApiError("InvalidArgument", `A table named ${v} already exists.`);
      this.entry!.name = v;
      return { kind: "tableName", sheet: this.ws.state().name, detail: v };
    });
  }
}

export class FakeTableCollection {
  constructor(private ws: FakeWorksheet) {}
  add(address: FakeRange | string, _hasHeaders: boolean): FakeTable {
    return new FakeTable(this.ws, typeof address === "string" ? address : address.addressNow());
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

function rangeRef(range: FakeRange | string, fallback: FakeWorksheet): FakeChartRef {
  if (typeof range === "string") return { sheet: fallback.state(), rect: parseAddress(range) };
  return { sheet: range.ws.state(), rect: range.area() };
}

/** Series a new chart gets from its source, as Excel guesses them (header row → names, text column → categories). */
function guessSeries(ref: FakeChartRef): FakeChartSeriesState[] {
  const { sheet: s, rect: a } = ref;
  const isText = (r: number, c: number) => {
    const v = s.value(r, c);
    return typeof v === "string" && v !== "";
  };
  let names = a.bottom > a.top;
  for (let c = a.left; c <= a.right && names; c++) names = isText(a.top, c);
  const top = names ? a.top + 1 : a.top;
  let cats = a.right > a.left;
  for (let r = top; r <= a.bottom && cats; r++) cats = isText(r, a.left);
  const out: FakeChartSeriesState[] = [];
  for (let c = cats ? a.left + 1 : a.left; c <= a.right; c++) {
    out.push({
      name: names ? String(s.value(a.top, c)) : `系列${out.length + 1}`,
      values: { sheet: s, rect: { top, bottom: a.bottom, left: c, right: c } },
      xValues: cats ? { sheet: s, rect: { top, bottom: a.bottom, left: a.left, right: a.left } } : undefined,
    });
  }
  return out;
}

export class FakeChartSeries {
  constructor(
    private chart: FakeChart,
    private index: () => number,
  ) {}
  private entry(): FakeChartSeriesState {
    const list = this.chart.state().series;
    const i = this.index();
    if (i < 0 || i >= list.length)
      throw new FakeRichApiError("InvalidArgument", `The chart has no series at index ${i}.`);
    return list[i];
  }
  private update(kind: string, minor: number, args: unknown, fn: (e: FakeChartSeriesState) => void): void {
    const context = this.chart.ws.context;
    if (context.fake.apiMinor < minor) throw apiNotFound(`ChartSeries.${kind}`);
    context.enqueue(`chartSeries.${kind}`, args, () => {
      fn(this.entry());
      return { kind: `chartSeries.${kind}`, sheet: this.chart.ws.state().name, detail: args };
    });
  }
  set name(v: string) {
    this.update("name", 1, v, (e) => (e.name = v));
  }
  setValues(range: FakeRange): void {
    this.update("setValues", 7, "range", (e) => (e.values = rangeRef(range, this.chart.ws)));
  }
  setXAxisValues(range: FakeRange): void {
    this.update("setXAxisValues", 7, "range", (e) => (e.xValues = rangeRef(range, this.chart.ws)));
  }
  /** ChartSeriesFormat.fill.setSolidColor (ExcelApi 1.1). */
  get format() {
    return {
      fill: {
        setSolidColor: (color: string) => this.update("fill", 1, color, (e) => (e.color = color)),
      },
    };
  }
}

export class FakeChartSeriesCollection {
  constructor(private chart: FakeChart) {}
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.chart, () => index);
  }
  add(name?: string, index?: number): FakeChartSeries {
    const context = this.chart.ws.context;
    if (context.fake.apiMinor < 7) throw apiNotFound("ChartSeriesCollection.add");
    let at = -1;
    context.enqueue("chartSeries.add", name ?? null, () => {
      const list = this.chart.state().series;
      at = index === undefined ? list.length : Math.max(0, Math.min(index, list.length));
      list.splice(at, 0, { name });
      return { kind: "chartSeries.add", sheet: this.chart.ws.state().name, detail: name };
    });
    return new FakeChartSeries(this.chart, () => at);
  }
}

export class FakeChartAxis {
  constructor(private chart: FakeChart) {}
  private set(prop: "numberFormat" | "minimum" | "maximum", v: string | number, minor: number): void {
    const context = this.chart.ws.context;
    if (context.fake.apiMinor < minor) throw apiNotFound(`ChartAxis.${prop}`);
    context.enqueue("chartAxis", { [prop]: v }, () => {
      (this.chart.state().valueAxis as Record<string, unknown>)[prop] = v;
      return { kind: "chartAxis", sheet: this.chart.ws.state().name, detail: { [prop]: v } };
    });
  }
  set numberFormat(v: string) {
    this.set("numberFormat", v, 8);
  }
  set minimum(v: number) {
    this.set("minimum", v, 1);
  }
  set maximum(v: number) {
    this.set("maximum", v, 1);
  }
}

export class FakeChart {
  private entry?: FakeChartState;
  readonly series: FakeChartSeriesCollection;
  readonly axes: { valueAxis: FakeChartAxis };
  readonly title: { text: string };
  readonly legend: { position: string; visible: boolean };
  constructor(
    readonly ws: FakeWorksheet,
    type: string,
    source: FakeRange | string,
    seriesBy?: string,
  ) {
    this.series = new FakeChartSeriesCollection(this);
    this.axes = { valueAxis: new FakeChartAxis(this) };
    const set = (kind: string, v: unknown, fn: (e: FakeChartState) => void) =>
      ws.context.enqueue(kind, v, () => {
        fn(this.state());
        return { kind, sheet: ws.state().name, detail: v };
      });
    this.title = {
      set text(v: string) {
        set("chartTitle", v, (e) => (e.title = v));
      },
    } as { text: string };
    this.legend = {
      set position(v: string) {
        set("chartLegend", { position: v }, (e) => (e.legend.position = v));
      },
      set visible(v: boolean) {
        set("chartLegend", { visible: v }, (e) => (e.legend.visible = v));
      },
    } as { position: string; visible: boolean };
    ws.context.enqueue(
      "chart",
      { type, source: typeof source === "string" ? source : "range", seriesBy },
      () => {
        const s = ws.state();
        const ref = rangeRef(source, ws);
        if (!ws.context.fake.sheets.includes(ref.sheet))
          throw new FakeRichApiError("InvalidArgument", "The chart's source range is on a deleted sheet.");
        this.entry = { type, source: ref, seriesBy, legend: {}, series: guessSeries(ref), valueAxis: {} };
        s.charts.push(this.entry);
        return { kind: "chart", sheet: s.name, address: rectAddress(ref.rect), detail: { type } };
      },
    );
  }
  state(): FakeChartState {
    if (!this.entry) throw new Error("fake: the chart was not added");
    return this.entry;
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const cell = (x: FakeRange | string) => (typeof x === "string" ? x : rectAddress(x.area()));
    this.ws.context.enqueue(
      "chartPosition",
      [typeof startCell === "string" ? startCell : "range", typeof endCell === "string" ? endCell : "range"],
      () => {
        const start = cell(startCell);
        const end = endCell === undefined ? undefined : cell(endCell);
        parseAddress(start);
        if (end) parseAddress(end);
        this.state().position = { start, end };
        return { kind: "chartPosition", sheet: this.ws.state().name, detail: { start, end } };
      },
    );
  }
}

export class FakeChartCollection {
  constructor(private ws: FakeWorksheet) {}
  add(type: string, sourceData: FakeRange | string, seriesBy?: string): FakeChart {
    return new FakeChart(this.ws, type, sourceData, seriesBy);
  }
}

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

// ---------------------------------------------------------------------------------------------

export class FakeRange extends FakeObject {
  private rect: Rect | null | undefined;
  private rectResolved = false;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;
  constructor(
    readonly ws: FakeWorksheet,
    private resolver: () => Rect | null,
    private dynamic = false,
  ) {
    super(ws.context);
    this.format = new FakeRangeFormat(this);
    this.conditionalFormats = new FakeConditionalFormatCollection(this);
    this.dataValidation = new FakeDataValidation(this);
    if (!dynamic) {
      this.rect = resolver();
      this.rectResolved = true;
    }
  }
  resolveAtSync(): void {
    this.context.enqueue("getUsedRangeOrNullObject", null, () => {
      this.area(true);
    });
  }
  area(allowNull = false): Rect {
    if (!this.rectResolved) {
      this.rect = this.resolver();
      this.rectResolved = true;
    }
    if (!this.rect) {
      if (allowNull) return undefined as unknown as Rect;
      throw new FakeRichApiError("InvalidObjectPath", "The range is a null object.");
    }
    return this.rect;
  }
  get isNullObject(): boolean {
    if (!this.rectResolved || !this.dynamic)
      throw new FakeRichApiError("PropertyNotLoaded", "isNullObject is not available before sync");
    return !this.rect;
  }
  protected override isNullNow(): boolean {
    return this.area(true) === undefined;
  }
  addressNow(): string {
    return `${quoteSheet(this.ws.state().name)}!${rectAddress(this.area())}`;
  }
  protected override describe() {
    const a = this.area(true);
    return { sheet: this.ws.state().name, address: a ? rectAddress(a) : undefined };
  }

  private cells(): { r: number; c: number }[][] {
    const a = this.area();
    const out: { r: number; c: number }[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: { r: number; c: number }[] = [];
      for (let c = a.left; c <= a.right; c++) row.push({ r, c });
      out.push(row);
    }
    return out;
  }

  protected snapshot(prop: string): unknown {
    const s = this.ws.state();
    const a = this.area();
    const fake = this.context.fake;
    const big = cellCount(a) > READ_CELL_LIMIT;
    switch (prop) {
      case "values":
        return big ? null : this.cells().map((row) => row.map(({ r, c }) => s.value(r, c) ?? ""));
      case "numberFormat":
        return big ? null : this.cells().map((row) => row.map(({ r, c }) => s.format(r, c)));
      case "formulas":
        // a formula cell gives its formula; any other cell its value ("" when blank), as Excel does
        return big
          ? null
          : this.cells().map((row) =>
              row.map(({ r, c }) => s.formulaText.get(key(r, c)) ?? s.value(r, c) ?? ""),
            );
      case "text":
        return big
          ? null
          : this.cells().map((row) =>
              row.map(({ r, c }) => displayText(s.value(r, c), s.format(r, c), fake.use1904)),
            );
      case "address":
        return this.addressNow();
      case "rowCount":
        return a.bottom - a.top + 1;
      case "columnCount":
        return a.right - a.left + 1;
      case "rowIndex":
        return a.top;
      case "columnIndex":
        return a.left;
      case "cellCount":
        return cellCount(a);
      default:
        throw new Error(`fake: cannot load Range.${prop}`);
    }
  }

  get values(): Excel.Range["values"] {
    return this.read("values");
  }
  set values(v: Excel.Range["values"]) {
    this.context.enqueue("values", v, () => {
      const s = this.ws.state();
      const a = this.area();
      checkShape(v, a);
      checkSheetWrite(s, "write values");
      const fake = this.context.fake;
      for (let i = 0; i < v.length; i++)
        for (let j = 0; j < v[i].length; j++) writeCell(s, a.top + i, a.left + j, v[i][j], fake.use1904);
      return { kind: "values", sheet: s.name, address: rectAddress(a), detail: { rows: v.length } };
    });
  }
  get numberFormat(): Excel.Range["numberFormat"] {
    return this.read("numberFormat");
  }
  set numberFormat(v: Excel.Range["numberFormat"]) {
    this.context.enqueue("numberFormat", v, () => {
      const s = this.ws.state();
      const a = this.area();
      checkShape(v, a);
      checkSheetWrite(s, "set number formats");
      for (let i = 0; i < v.length; i++)
        for (let j = 0; j < v[i].length; j++) s.setFormat(a.top + i, a.left + j, String(v[i][j]));
      return {
        kind: "numberFormat",
        sheet: s.name,
        address: rectAddress(a),
        detail: { hasText: v.some((row) => row.includes("@")) },
      };
    });
  }
  get text(): string[][] {
    return this.read("text");
  }
  get formulas(): Excel.Range["formulas"] {
    return this.read("formulas");
  }
  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  set hyperlink(h: Excel.RangeHyperlink) {
    this.requireSet(7, "Range.hyperlink");
    this.context.enqueue("hyperlink", h, () => {
      const s = this.ws.state();
      const a = this.area();
      s.hyperlinks.set(key(a.top, a.left), h);
      return { kind: "hyperlink", sheet: s.name, address: rectAddress(a) };
    });
  }

  merge(across?: boolean): void {
    this.requireSet(2, "Range.merge");
    this.context.enqueue("merge", across ?? false, () => {
      const s = this.ws.state();
      const a = this.area();
      s.merges.push({ ...a });
      return { kind: "merge", sheet: s.name, address: rectAddress(a) };
    });
  }
  select(): void {
    this.context.enqueue("select", null, () => {
      const s = this.ws.state();
      if (s.visibility !== "Visible")
        throw new FakeRichApiError("InvalidOperation", "Cannot select a range on a hidden sheet.");
      const fake = this.context.fake;
      fake.active = s;
      fake.selection = { sheet: s.name, address: rectAddress(this.area()) };
      return { kind: "select", sheet: s.name, address: rectAddress(this.area()) };
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.requireSet(13, "getMergedAreasOrNullObject");
    return new FakeRangeAreas(this);
  }
  // Reading where the content is (ledger-format §1.4): see fakeUsedWithin and FakeFormulaAreas below.
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.requireSet(4, "Range.getUsedRangeOrNullObject");
    const r = new FakeRange(
      this.ws,
      () => fakeUsedWithin(this.ws.state(), this.area(), valuesOnly === true),
      true,
    );
    r.resolveAtSync();
    return r;
  }
  getSpecialCellsOrNullObject(cellType: string): FakeFormulaAreas {
    this.requireSet(9, "Range.getSpecialCellsOrNullObject");
    if (cellType !== "Formulas")
      throw new Error(`fake: getSpecialCellsOrNullObject(${cellType}) is not modelled`);
    return new FakeFormulaAreas(this);
  }

  /** Applies fn to every cell (at apply time). */
  eachCell(fn: (s: SheetState, r: number, c: number) => void): void {
    const s = this.ws.state();
    const a = this.area();
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(s, r, c);
  }
}

function checkShape(v: unknown[][], a: Rect): void {
  const rows = a.bottom - a.top + 1;
  const cols = a.right - a.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
    throw new FakeRichApiError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
}

/** A value written through the API, interpreted as Excel interprets input into a non-text cell. */
function writeCell(s: SheetState, r: number, c: number, v: unknown, use1904: boolean): void {
  const k = key(r, c);
  s.formulas.delete(k);
  s.formulaText.delete(k);
  if (v === null || v === undefined || v === "") return s.setValue(r, c, null);
  if (typeof v === "number" || typeof v === "boolean") return s.setValue(r, c, v);
  const text = String(v);
  if (s.format(r, c) === "@") return s.setValue(r, c, text);
  const first = text[0];
  if (first === "=" || first === "+" || first === "-" || first === "@") {
    s.formulas.add(k);
    s.formulaText.set(k, text);
    const rest = text.slice(1);
    const n = NUMERIC.test(rest) ? Number(rest) : NaN;
    if (first !== "@" && Number.isFinite(n)) return s.setValue(r, c, first === "-" ? -n : n);
    return s.setValue(r, c, "#NAME?");
  }
  if (NUMERIC.test(text)) return s.setValue(r, c, Number(text));
  const m = ISO_DATE.exec(text);
  const day = m ? dayFromYMD(+m[1], +m[2], +m[3]) : undefined;
  if (day !== undefined) {
    if (s.format(r, c) === "General") s.setFormat(r, c, "yyyy-mm-dd");
    return s.setValue(r, c, dayToSerial(day, use1904));
  }
  s.setValue(r, c, text);
}

export class FakeRangeAreas extends FakeObject {
  private list: Rect[] | null = null;
  readonly areas: FakeAreaCollection;
  constructor(private range: FakeRange) {
    super(range.context);
    this.areas = new FakeAreaCollection(this);
    range.context.enqueue("getMergedAreasOrNullObject", null, () => {
      const a = range.area();
      const found = range.ws.state().merges.filter((m) => intersects(m, a));
      this.list = found.length ? found : null;
    });
  }
  get isNullObject(): boolean {
    return this.list === null;
  }
  protected override isNullNow(): boolean {
    return this.list === null;
  }
  rects(): Rect[] {
    return this.list ?? [];
  }
  protected snapshot(prop: string): unknown {
    if (prop === "address")
      return this.rects()
        .map((r) => `${quoteSheet(this.range.ws.state().name)}!${rectAddress(r)}`)
        .join(",");
    return undefined;
  }
  get address(): string {
    return this.read("address");
  }
}

/** Range.getUsedRangeOrNullObject: the bounding box of the cells inside `within` that hold a value. */
function fakeUsedWithin(s: SheetState, within: Rect, valuesOnly: boolean): Rect | null {
  const all = s.used(valuesOnly);
  if (!all || !intersects(all, within)) return null;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const last = Math.min(within.bottom, s.values.length - 1);
  for (let r = within.top; r <= last; r++) {
    const row = s.values[r];
    if (!row) continue;
    row.forEach((v, c) => {
      if (c < within.left || c > within.right || v === null || v === undefined || v === "") return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** Range.getSpecialCellsOrNullObject("Formulas"): the formula cells, as vertical runs per column. */
export class FakeFormulaAreas extends FakeObject {
  private list: Rect[] | null = null;
  constructor(private range: FakeRange) {
    super(range.context);
    range.context.enqueue("getSpecialCellsOrNullObject", null, () => {
      const a = range.area();
      const cells = [...range.ws.state().formulas]
        .map((k) => ({ r: Math.floor(k / COLS), c: k % COLS }))
        .filter(({ r, c }) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right)
        .sort((x, y) => x.c - y.c || x.r - y.r);
      const runs: Rect[] = [];
      for (const { r, c } of cells) {
        const last = runs[runs.length - 1];
        if (last && last.left === c && last.bottom === r - 1) last.bottom = r;
        else runs.push({ top: r, left: c, bottom: r, right: c });
      }
      this.list = runs.length ? runs : null;
    });
  }
  get isNullObject(): boolean {
    return this.list === null;
  }
  protected override isNullNow(): boolean {
    return this.list === null;
  }
  protected snapshot(prop: string): unknown {
    if (prop === "address")
      return (this.list ?? [])
        .map((r) => `${quoteSheet(this.range.ws.state().name)}!${rectAddress(r)}`)
        .join(",");
    return undefined;
  }
  get address(): string {
    return this.read("address");
  }
}

/** RangeAreas.areas: loads `items/rowIndex,…` of each area. */
export class FakeAreaCollection extends FakeObject {
  private list: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[] = [];
  constructor(private owner: FakeRangeAreas) {
    super(owner.context);
  }
  protected snapshot(): unknown {
    return undefined;
  }
  override load(): this {
    this.context.enqueue("load", "areas", () => {
      this.list = this.owner.rects().map((r) => ({
        rowIndex: r.top,
        columnIndex: r.left,
        rowCount: r.bottom - r.top + 1,
        columnCount: r.right - r.left + 1,
      }));
      this.context.fake.responseBytes += jsonBytes(this.list);
      this.setLoaded("items", this.list);
      return { kind: "load", detail: ["areas"] };
    });
    return this;
  }
  get items() {
    return this.read<typeof this.list>("items");
  }
}

export class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorderCollection;
  constructor(readonly range: FakeRange) {
    this.fill = new FakeRangeFill(range);
    this.font = new FakeRangeFont(range);
    this.borders = new FakeRangeBorderCollection(range);
  }
  private style(prop: string, v: unknown, minor = 1) {
    if (this.range.context.fake.apiMinor < minor) throw apiNotFound(`RangeFormat.${prop}`);
    this.range.context.enqueue("format", { [prop]: v }, () => {
      const s = this.range.ws.state();
      const a = this.range.area();
      if (prop === "columnWidth") {
        for (let c = a.left; c <= a.right; c++) s.columnWidths.set(c, Number(v));
      } else if (prop === "rowHeight") {
        for (let r = a.top; r <= a.bottom; r++) s.rowHeights.set(r, Number(v));
      } else s.looks.push({ rect: { ...a }, prop, value: v });
      return {
        kind: "format",
        sheet: s.name,
        address: rectAddress(this.range.area()),
        detail: { [prop]: v },
      };
    });
  }
  set horizontalAlignment(v: string) {
    this.style("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.style("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.style("wrapText", v);
  }
  set columnWidth(v: number) {
    this.style("columnWidth", v, 2);
  }
  set rowHeight(v: number) {
    this.style("rowHeight", v, 2);
  }
}

export class FakeRangeFont {
  constructor(private range: FakeRange) {}
  private style(prop: string, v: unknown) {
    this.range.context.enqueue("font", { [prop]: v }, () => {
      const s = this.range.ws.state();
      const a = this.range.area();
      s.looks.push({ rect: { ...a }, prop: `font.${prop}`, value: v });
      return { kind: "font", sheet: s.name, address: rectAddress(a), detail: { [prop]: v } };
    });
  }
  set bold(v: boolean) {
    this.style("bold", v);
  }
  set size(v: number) {
    this.style("size", v);
  }
  set name(v: string) {
    this.style("name", v);
  }
  set color(v: string) {
    this.style("color", v);
  }
  set underline(v: string) {
    this.style("underline", v);
  }
}

const BORDER_INDEXES = new Set([
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
]);

/** RangeBorderCollection (ExcelApi 1.1): getItem(index) of the range's edges and inner lines. */
export class FakeRangeBorderCollection {
  constructor(private range: FakeRange) {}
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this.range, index);
  }
}

/** One border of a range: style, color and weight setters, recorded as `border.<index>.<prop>` looks. */
export class FakeRangeBorder {
  constructor(
    private range: FakeRange,
    private index: string,
  ) {}
  private set(prop: "style" | "color" | "weight", v: string) {
    this.range.context.enqueue("border", { [this.index]: { [prop]: v } }, () => {
      if (!BORDER_INDEXES.has(this.index))
        throw new FakeRichApiError("InvalidArgument", `The argument is invalid: border ${this.index}`);
      const s = this.range.ws.state();
      const a = this.range.area();
      s.looks.push({ rect: { ...a }, prop: `border.${this.index}.${prop}`, value: v });
      return {
        kind: "border",
        sheet: s.name,
        address: rectAddress(a),
        detail: { [this.index]: { [prop]: v } },
      };
    });
  }
  set style(v: string) {
    this.set("style", v);
  }
  set color(v: string) {
    this.set("color", v);
  }
  set weight(v: string) {
    this.set("weight", v);
  }
}

const NO_FILL_COLOR = "#FFFFFF";

export class FakeRangeFill extends FakeObject {
  constructor(private range: FakeRange) {
    super(range.context);
  }
  protected snapshot(prop: string): unknown {
    if (prop !== "color") this.requireSet(9, `RangeFill.${prop}`);
    const seen = new Set<string>();
    let first: unknown;
    this.range.eachCell((s, r, c) => {
      const f = s.fills.get(key(r, c));
      const v =
        prop === "color"
          ? (f?.color ?? NO_FILL_COLOR)
          : prop === "pattern"
            ? (f?.pattern ?? "None")
            : prop === "patternColor"
              ? (f?.patternColor ?? "#000000")
              : prop === "tintAndShade"
                ? (f?.tintAndShade ?? 0)
                : (f?.patternTintAndShade ?? 0);
      seen.add(JSON.stringify(v));
      first = v;
    });
    return seen.size === 1 ? first : null;
  }
  protected override describe() {
    return { sheet: this.range.ws.state().name, address: rectAddress(this.range.area()) };
  }
  private update(prop: string, v: unknown, fn: (f: FakeFill | undefined) => FakeFill | undefined) {
    this.context.enqueue("fill", { [prop]: v }, () => {
      checkSheetWrite(this.range.ws.state(), "change fills");
      this.range.eachCell((s, r, c) => {
        const k = key(r, c);
        const next = fn(s.fills.get(k));
        if (next) s.fills.set(k, next);
        else s.fills.delete(k);
      });
      return {
        kind: "fill",
        sheet: this.range.ws.state().name,
        address: rectAddress(this.range.area()),
        detail: { [prop]: v },
      };
    });
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.update("color", v, (f) => ({
      ...(f ?? {}),
      color: v.toUpperCase(),
      pattern: f?.pattern ?? "Solid",
    }));
  }
  get pattern(): string {
    return this.read("pattern");
  }
  set pattern(v: string) {
    this.requireSet(9, "RangeFill.pattern");
    this.update("pattern", v, (f) =>
      v === "None" ? undefined : { color: f?.color ?? NO_FILL_COLOR, ...f, pattern: v },
    );
  }
  get patternColor(): string {
    return this.read("patternColor");
  }
  set patternColor(v: string) {
    this.requireSet(9, "RangeFill.patternColor");
    this.update("patternColor", v, (f) => (f ? { ...f, patternColor: v.toUpperCase() } : f));
  }
  get tintAndShade(): number {
    return this.read("tintAndShade");
  }
  set tintAndShade(v: number) {
    this.requireSet(9, "RangeFill.tintAndShade");
    this.update("tintAndShade", v, (f) => (f ? { ...f, tintAndShade: v } : f));
  }
  get patternTintAndShade(): number {
    return this.read("patternTintAndShade");
  }
  set patternTintAndShade(v: number) {
    this.requireSet(9, "RangeFill.patternTintAndShade");
    this.update("patternTintAndShade", v, (f) => (f ? { ...f, patternTintAndShade: v } : f));
  }
  clear(): void {
    this.update("clear", true, () => undefined);
  }
}

export class FakeConditionalFormat {
  readonly cellValue: {
    format: { fill: { color: string }; font: { color: string } };
    rule: Excel.ConditionalCellValueRule;
  };
  constructor(range: FakeRange) {
    const entry: SheetState["conditional"][number] = { address: "", rule: undefined };
    range.context.enqueue("conditionalFormat", null, () => {
      const s = range.ws.state();
      entry.address = rectAddress(range.area());
      s.conditional.push(entry);
      return { kind: "conditionalFormat", sheet: s.name, address: entry.address };
    });
    const set = (prop: "fill" | "font" | "rule", v: unknown) =>
      range.context.enqueue("conditionalFormat", v, () => {
        if (prop === "rule") entry.rule = v;
        else entry[prop] = String(v);
      });
    this.cellValue = {
      format: {
        fill: {
          set color(v: string) {
            set("fill", v);
          },
        } as { color: string },
        font: {
          set color(v: string) {
            set("font", v);
          },
        } as { color: string },
      },
      set rule(v: Excel.ConditionalCellValueRule) {
        set("rule", v);
      },
    } as FakeConditionalFormat["cellValue"];
  }
}

export class FakeConditionalFormatCollection {
  constructor(private range: FakeRange) {}
  add(_type: string): FakeConditionalFormat {
    if (this.range.context.fake.apiMinor < 6) throw apiNotFound("conditionalFormats");
    return new FakeConditionalFormat(this.range);
  }
}

const REFERENCE = /^=(?:(?:'((?:[^']|'')+)'|([^!'"=]+))!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/;

/**
 * The range a list source refers to: a Range, or a formula `=Sheet!$A$1:$A$9` / `='My sheet'!…` /
 * `=$A$1:$A$9`. A literal list (text without `=`) refers to none; a reference to a missing sheet is
 * refused as Excel refuses it.
 */
function listRefOf(source: unknown, ws: FakeWorksheet): FakeChartRef | undefined {
  if (source instanceof FakeRange) return rangeRef(source, ws);
  if (typeof source !== "string" || !source.startsWith("=")) return undefined;
  const m = REFERENCE.exec(source.trim());
  if (!m) return undefined;
  const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const sheet = name === undefined ? ws.state() : ws.context.fake.find(name);
  if (!sheet)
    throw new FakeRichApiError("InvalidArgument", `The argument is invalid: no sheet ${name} for ${source}`);
  return { sheet, rect: parseAddress(m[3]) };
}

export class FakeDataValidation {
  constructor(private range: FakeRange) {}
  private set(prop: "rule" | "prompt" | "errorAlert", v: unknown) {
    if (this.range.context.fake.apiMinor < 8) throw apiNotFound("dataValidation");
    const source = prop === "rule" ? (v as Excel.DataValidationRule).list?.source : undefined;
    // a Range source is sent as a reference, not as the object
    const args =
      source instanceof FakeRange
        ? { list: { ...(v as Excel.DataValidationRule).list, source: source.addressNow() } }
        : v;
    this.range.context.enqueue("dataValidation", args, () => {
      const s = this.range.ws.state();
      const address = rectAddress(this.range.area());
      let e = s.validations.find((x) => x.address === address);
      if (!e) s.validations.push((e = { address }));
      if (prop === "rule") {
        e.rule = v as Excel.DataValidationRule;
        e.listRef = listRefOf(source, this.range.ws);
      } else if (prop === "prompt") e.prompt = v as Excel.DataValidationPrompt;
      else e.errorAlert = v as Excel.DataValidationErrorAlert;
      return { kind: "dataValidation", sheet: s.name, address, detail: prop };
    });
  }
  set rule(v: Excel.DataValidationRule) {
    this.set("rule", v);
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this.set("prompt", v);
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.set("errorAlert", v);
  }
}

// ---------------------------------------------------------------------------------------------

/** The fake Excel: workbook state, `run`, requirement sets and the recorded traffic. */
export class ExcelFake {
  sheets: SheetState[] = [];
  use1904: boolean;
  apiMinor: number;
  names: Record<string, string>;
  requestLimit: number;
  active?: SheetState;
  selection?: { sheet: string; address: string };
  nextId = 0;
  nextTable = 0;

  syncCount = 0;
  runCount = 0;
  syncs: SyncRecord[] = [];
  log: OpRecord[] = [];
  /** Response bytes of the sync being applied. */
  responseBytes = 0;
  /** Failure injection: return an error to make sync number n throw before it runs. */
  failAtSync?: (n: number, kinds: string[]) => Error | undefined;
  /** Failure injection per call: return an error to make this call throw when it runs (the calls before it stay applied). */
  failOn?: (call: {
    sync: number;
    index: number;
    calls: number;
    kind: string;
    args: unknown;
  }) => Error | undefined;
  /** Workbook structure protection (Review → Protect Workbook). */
  structureProtected = false;

  constructor(o: FakeOptions) {
    this.use1904 = o.use1904 === true;
    this.apiMinor = o.apiMinor ?? 16;
    this.names = { ...(o.names ?? {}) };
    this.requestLimit = o.requestLimit ?? REQUEST_LIMIT;
    this.structureProtected = o.structureProtected === true;
    for (const seed of o.sheets) this.addSheet(seed);
  }

  addSheet(seed: FakeSheetSeed): SheetState {
    const s = new SheetState(seed.name, seed.visibility ?? "Visible", `{${++this.nextId}}`);
    (seed.values ?? []).forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") s.setValue(r, c, v);
      }),
    );
    (seed.formats ?? []).forEach((row, r) =>
      row?.forEach((f, c) => {
        if (f !== undefined) s.setFormat(r, c, f);
      }),
    );
    for (const [ref, f] of Object.entries(seed.fills ?? {})) {
      const { row, col } = parseA1(ref);
      s.fills.set(key(row, col), typeof f === "string" ? { color: f.toUpperCase(), pattern: "Solid" } : f);
    }
    for (const m of seed.merges ?? []) s.merges.push(parseAddress(m));
    s.protected = seed.protected === true;
    for (const [ref, f] of Object.entries(seed.formulas ?? {})) {
      const { row, col } = parseA1(ref);
      s.formulas.add(key(row, col));
      s.formulaText.set(key(row, col), f);
    }
    this.sheets.push(s);
    return s;
  }

  find(name: string): SheetState | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  sheet(name: string): SheetState {
    const s = this.find(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }

  /** Excel.run: a fresh context; pending calls are synced when the batch returns. */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runCount++;
    const ctx = new FakeContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pendingCount) await ctx.sync();
    return result;
  };

  isSetSupported = (name: string, version?: string): boolean => {
    if (name !== "ExcelApi") return false;
    const m = /^1\.(\d+)$/.exec(version ?? "1.1");
    return m !== null && Number(m[1]) <= this.apiMinor;
  };

  /** Marks a point in the log (e.g. a host's yield). */
  mark(kind: string): void {
    this.log.push({ sync: this.syncCount, kind });
  }

  resetStats(): void {
    this.syncCount = 0;
    this.syncs = [];
    this.log = [];
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get totalRequestBytes(): number {
    return this.syncs.reduce((s, x) => s + x.requestBytes, 0);
  }

  fillAt(sheet: string, ref: string): FakeFill | undefined {
    const { row, col } = parseA1(ref);
    return this.sheet(sheet).fills.get(key(row, col));
  }

  valueAt(sheet: string, ref: string): Stored {
    const { row, col } = parseA1(ref);
    return this.sheet(sheet).value(row, col);
  }

  formatAt(sheet: string, ref: string): string {
    const { row, col } = parseA1(ref);
    return this.sheet(sheet).format(row, col);
  }

  isFormula(sheet: string, ref: string): boolean {
    const { row, col } = parseA1(ref);
    return this.sheet(sheet).formulas.has(key(row, col));
  }

  /** A range a chart or drop-down refers to, under its sheet's current name ("#REF!" once deleted). */
  private refText(r: FakeChartRef | undefined): string | undefined {
    if (r === undefined) return undefined;
    return this.sheets.includes(r.sheet) ? `${quoteSheet(r.sheet.name)}!${rectAddress(r.rect)}` : "#REF!";
  }

  /**
   * The formats of one cell, folded from the range format calls that cover it (later calls win):
   * `font.bold`, `horizontalAlignment`, `wrapText`, …; borders per side of the cell as
   * `border.top.style` / `border.left.color` (a range's edges and inner lines mapped to its cells).
   */
  lookAt(sheet: string, ref: string): Record<string, unknown> {
    const { row: r, col: c } = parseA1(ref);
    const out: Record<string, unknown> = {};
    for (const l of this.sheet(sheet).looks) {
      const a = l.rect;
      if (r < a.top || r > a.bottom || c < a.left || c > a.right) continue;
      const m = /^border\.(\w+)\.(\w+)$/.exec(l.prop);
      if (!m) {
        out[l.prop] = l.value;
        continue;
      }
      const [, index, prop] = m;
      const sides: string[] = [];
      if (index === "EdgeTop" && r === a.top) sides.push("top");
      if (index === "EdgeBottom" && r === a.bottom) sides.push("bottom");
      if (index === "EdgeLeft" && c === a.left) sides.push("left");
      if (index === "EdgeRight" && c === a.right) sides.push("right");
      if (index === "InsideHorizontal") {
        if (r > a.top) sides.push("top");
        if (r < a.bottom) sides.push("bottom");
      }
      if (index === "InsideVertical") {
        if (c > a.left) sides.push("left");
        if (c < a.right) sides.push("right");
      }
      if (index === "DiagonalDown" || index === "DiagonalUp") sides.push(index);
      for (const side of sides) out[`border.${side}.${prop}`] = l.value;
    }
    return out;
  }

  /** The hyperlinks of a sheet: A1 of the cell → the link as set. */
  hyperlinks(sheet: string): Map<string, Excel.RangeHyperlink> {
    const out = new Map<string, Excel.RangeHyperlink>();
    for (const [k, h] of this.sheet(sheet).hyperlinks) out.set(a1(Math.floor(k / COLS), k % COLS), h);
    return out;
  }

  /** The drop-downs of a sheet: list sources under the sheets' current names, and their items. */
  validations(sheet: string): FakeValidationView[] {
    return this.sheet(sheet).validations.map((e) => {
      const view: FakeValidationView = { address: e.address };
      const source = e.rule?.list?.source;
      if (e.listRef) {
        view.source = `=${this.refText(e.listRef)}`;
        if (this.sheets.includes(e.listRef.sheet)) {
          const { sheet: s, rect } = e.listRef;
          const items: string[] = [];
          for (let r = rect.top; r <= rect.bottom; r++)
            for (let c = rect.left; c <= rect.right; c++) {
              const v = s.value(r, c);
              items.push(v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));
            }
          view.items = items;
        }
      } else if (typeof source === "string") {
        view.source = source;
        // a literal list: the text split at commas, quotes and spaces kept; another formula: unknown
        if (!source.startsWith("=")) view.items = source.split(",");
      }
      if (e.prompt) view.prompt = { ...e.prompt };
      if (e.errorAlert) view.errorAlert = { ...e.errorAlert };
      return view;
    });
  }

  /** The charts on a sheet, their ranges under the sheets' current names. */
  charts(sheet: string): FakeChartView[] {
    const ref = (r: FakeChartRef | undefined) => this.refText(r);
    return this.sheet(sheet).charts.map((c) => ({
      type: c.type,
      source: ref(c.source)!,
      title: c.title,
      legend: { ...c.legend },
      position: c.position && { ...c.position },
      series: c.series.map((x) => ({
        name: x.name,
        values: ref(x.values),
        xValues: ref(x.xValues),
        ...(x.color ? { color: x.color } : {}),
      })),
      valueAxis: { ...c.valueAxis },
    }));
  }

  /** Sheet names in order. */
  get sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
}
