// Which ExcelApi requirement sets this Excel supports, detected at run time, and what that means for
// the pane (capabilities and visible notes). Missing optional sets degrade, never throw.
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
  nullObjects: 4,
  conditionalFormats: 6,
  calcSuspend: 6,
  hyperlinks: 7,
  chartSeries: 7,
  freezePanes: 7,
  namedItemFormula: 7,
  dataValidation: 8,
  chartAxisFormat: 8,
  screenSuspend: 9,
  pageLayout: 9,
  autoFilter: 9,
  fillPattern: 9,
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

/** What the pane may offer on this Excel, with a zh-CN note for each degraded feature. */
export function capabilitiesOf(s: ExcelSupport): HostCapabilities {
  const notes: HostNote[] = [];
  const note = (zh: string, en: string) => notes.push({ zh, en });
  if (s.minor === 0)
    note(
      "未检测到 Excel 的 API 版本，部分功能可能不可用",
      "Excel's API version was not detected; some features may be unavailable",
    );
  if (s.minor < SET.conditionalFormats)
    note(
      "此版本 Excel 不支持条件格式：结果表中的等次不着色",
      "This Excel has no conditional formats: grades in the result sheets are not coloured",
    );
  if (s.minor < SET.hyperlinks)
    note(
      "此版本 Excel 不支持超链接：结果表中的单元格位置不能点击跳转，也不冻结表头",
      "This Excel has no hyperlinks: cell addresses in the result sheets are not clickable and headers are not frozen",
    );
  if (s.minor >= SET.charts && s.minor < SET.chartSeries)
    note(
      "此版本 Excel 只能按连续区域绘制图表：结果表中图表的横轴显示序号而不是单位名称",
      "This Excel charts contiguous ranges only: chart axes show numbers instead of unit names",
    );
  if (s.minor < SET.dataValidation)
    note(
      "此版本 Excel 不支持数据验证：新建的台账表没有下拉列表和输入提示",
      "This Excel has no data validation: new ledger sheets get no drop-down lists or input hints",
    );
  if (s.minor < SET.fillPattern)
    note(
      "此版本 Excel 无法区分白色填充和无填充：清除标记时，原为白色填充的单元格恢复为无填充；结果表不设打印格式",
      "This Excel cannot tell a white fill from no fill: clearing marks restores white cells as unfilled; result sheets get no print setup",
    );
  if (s.minor < SET.mergedAreas)
    note(
      "此版本 Excel 无法读取合并单元格：按未合并处理",
      "This Excel cannot read merged areas: cells are read as unmerged",
    );
  return {
    kind: "excel",
    tables: s.minor >= 1,
    conditionalFormats: s.minor >= SET.conditionalFormats,
    hyperlinks: s.minor >= SET.hyperlinks,
    dataValidation: s.minor >= SET.dataValidation,
    notes,
  };
}
