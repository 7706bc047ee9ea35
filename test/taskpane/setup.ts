// Shared set-up of the task-pane component tests (jsdom): what jsdom lacks and Fluent UI uses, and a
// sample ledger with two cells the engine can normalise (so the fix checkboxes have something to do).
import { analyze } from "../../src/engine/analyze";
import type { Workbook } from "../../src/engine/grid";
import { generateLedger, SMALL_SAMPLE } from "../../src/samples/generate";
import { workbookOf } from "./fake-host";

export function installDomShims(): void {
  if (!window.matchMedia)
    Object.defineProperty(window, "matchMedia", {
      configurable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => {},
        removeEventListener: () => {},
        addListener: () => {},
        removeListener: () => {},
        dispatchEvent: () => false,
      }),
    });
  if (!("ResizeObserver" in window))
    Object.defineProperty(window, "ResizeObserver", {
      configurable: true,
      value: class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    });
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
}

let cached: Workbook | undefined;

/** The info findings sampleWorkbook adds to the generated sample: the two normalisable cells below. */
export const EXTRA_INFO_FINDINGS = 2;

/**
 * The small generated sample (21 seeded mistakes) plus two normalisable cells on 党员: a 入党日期
 * typed as `2005.07.01` (fix 2005-07-01, a date) and a name with a doubled space (fix: one space).
 */
export function sampleWorkbook(): Workbook {
  if (!cached) {
    const wb = workbookOf(generateLedger(SMALL_SAMPLE).models);
    const members = wb.sheets.find((g) => g.name === "党员")!;
    const header = members.rows[0]!;
    const joined = header.indexOf("入党日期");
    const name = header.indexOf("姓名");
    members.rows[4]![joined] = "2005.07.01";
    const n = String(members.rows[5]![name]);
    members.rows[5]![name] = `${n[0]}  ${n.slice(1)}`;
    cached = wb;
  }
  return cached; // read-only here: FakeHost works on its own copy
}

export function expectedAnalysis(wb: Workbook) {
  return analyze(wb);
}
