// Which ExcelApi requirement sets this Excel supports, detected at run time, and what that means for
// the pane (capabilities and visible notes). Missing optional sets degrade, never throw.
import { HOST_NOTES } from "../../i18n/host";
import type { HostCapabilities, HostNote } from "../host";

export type IsSetSupported = (name: string, version: string) => boolean;

export interface ExcelSupport {
  /** Highest n such that ExcelApi 1.1 … 1.n are all supported (0 outside Office). */
  minor: number;
}

/** The ExcelApi 1.x minor version each optional feature needs. */
export const SET = {
  charts: 1,
  functions: 2,
  merge: 2,
  columnWidth: 2,
  sheetProtection: 2,
  nullObjects: 4,
  conditionalFormats: 6,
  calcSuspend: 6,
  hyperlinks: 7,
  chartSeries: 7,
  freezePanes: 7,
  namedItemFormula: 7,
  workbookProtection: 7,
  dataValidation: 8,
  chartAxisFormat: 8,
  screenSuspend: 9,
  pageLayout: 9,
  autoFilter: 9,
  fillPattern: 9,
  specialCells: 9,
  mergedAreas: 13,
} as const;

/** Newest ExcelApi minor version probed. */
const MAX_MINOR = 20;

interface OfficeGlobal {
  context?: { requirements?: { isSetSupported?: IsSetSupported } };
}

/** Office.context.requirements.isSetSupported, or undefined outside Office (where it throws or is missing). */
function officeIsSetSupported(): IsSetSupported | undefined {
  try {
    const office = (globalThis as { Office?: OfficeGlobal }).Office;
    const fn = office?.context?.requirements?.isSetSupported;
    return typeof fn === "function"
      ? (name, version) => fn.call(office!.context!.requirements, name, version)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Probes ExcelApi 1.1, 1.2, … and stops at the first unsupported set (sets are cumulative). Outside
 * Office, or when the probe itself throws, the answer is minor 0.
 */
export function detectCapabilities(
  isSetSupported: IsSetSupported | undefined = officeIsSetSupported(),
): ExcelSupport {
  if (!isSetSupported) return { minor: 0 };
  let minor = 0;
  try {
    while (minor < MAX_MINOR && isSetSupported("ExcelApi", `1.${minor + 1}`)) minor++;
  } catch {
    // a throwing probe counts as "not supported" from there on
  }
  return { minor };
}

/** What the pane may offer on this Excel, with a note for each degraded feature. */
export function capabilitiesOf(s: ExcelSupport): HostCapabilities {
  const notes: HostNote[] = [];
  if (s.minor === 0) notes.push(HOST_NOTES.apiUnknown);
  if (s.minor < SET.conditionalFormats) notes.push(HOST_NOTES.noConditionalFormats);
  if (s.minor < SET.hyperlinks) notes.push(HOST_NOTES.noHyperlinks);
  if (s.minor >= SET.charts && s.minor < SET.chartSeries) notes.push(HOST_NOTES.contiguousCharts);
  if (s.minor < SET.dataValidation) notes.push(HOST_NOTES.noDataValidation);
  if (s.minor < SET.fillPattern) notes.push(HOST_NOTES.noFillPattern);
  if (s.minor < SET.mergedAreas) notes.push(HOST_NOTES.noMergedAreas);
  return {
    kind: "excel",
    tables: s.minor >= 1,
    conditionalFormats: s.minor >= SET.conditionalFormats,
    hyperlinks: s.minor >= SET.hyperlinks,
    dataValidation: s.minor >= SET.dataValidation,
    notes,
  };
}
