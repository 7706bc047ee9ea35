// What the hosts say to the clerk, zh-CN and en: their errors (what happened and what to do), the
// errors of workbook files that cannot be read, the notes on what this Excel cannot do, and the
// stages of their progress. A host fills these (`fill`) and hands on a Text; the pane and the CLI
// render it in the clerk's language.
import type { LedgerFileErrorCode } from "../hosts/xlsx/errors";
import { type Param, type Text, fill, textOf } from "./text";
import oldWebview from "./old-webview.json";

/**
 * The message both pages show in Internet Explorer 11 and legacy Edge, before and without the bundle
 * (the ES5 script src/taskpane/old-webview.es5.js; the build inlines this JSON into the pages).
 */
export const OLD_WEBVIEW: { title: Text; body: Text } = oldWebview;

/** HostError texts (src/hosts/common/errors.ts makes the errors). */
export const HOST_ERRORS = textOf({
  tooManyCells: {
    "zh-CN": "台账表“{sheet}”超过500万个单元格，请拆分后再试",
    en: 'Sheet "{sheet}" has more than 5 million cells; split it and try again',
  },
  unreadable: {
    "zh-CN": "无法读取工作表“{sheet}”的内容，请缩小表格后再试",
    en: 'Excel returned no values for sheet "{sheet}"; make it smaller and try again',
  },
  sheetMissing: {
    "zh-CN": "找不到工作表“{sheet}”，它可能已被删除或改名，请重新校验",
    en: 'Sheet "{sheet}" was not found (deleted or renamed?); run the check again',
  },
  sheetHidden: {
    "zh-CN": "工作表“{sheet}”已隐藏，请先取消隐藏",
    en: 'Sheet "{sheet}" is hidden; unhide it first',
  },
  badCell: { "zh-CN": "单元格地址“{cell}”无效", en: '"{cell}" is not a cell address' },
  badDate: {
    "zh-CN": "“{value}”不是有效日期，未写入",
    en: '"{value}" is not a valid date; nothing was written',
  },
  notNumber: { "zh-CN": "“{value}”不是数字，未写入", en: '"{value}" is not a number; nothing was written' },
  sharedFormula: {
    "zh-CN": "单元格 {sheet}!{cell} 含有其他单元格共用的公式，请在 Excel 中修改",
    en: "Cell {sheet}!{cell} holds a formula shared by other cells; change it in Excel",
  },
  nameTaken: {
    "zh-CN": "工作簿中已有名为“{name}”的工作表（不是本插件写入的结果表），请将其改名后再试",
    en: 'The workbook already has a sheet named "{name}" that is not a result sheet; rename it and try again',
  },
  cleanupFailed: {
    "zh-CN": "写入失败，且未能恢复写入前的工作表（{names}）。请关闭工作簿（不保存）后重新打开再试",
    en: "Writing failed and the sheets as they were could not be restored ({names}); close the workbook without saving, reopen it and try again",
  },
  structureProtected: {
    "zh-CN":
      "工作簿结构受保护，无法添加或替换工作表。请在“审阅”选项卡点击“保护工作簿”取消保护（可能需要密码）后再试，什么都没有改动",
    en: "The workbook structure is protected: sheets cannot be added or replaced. Unprotect it (Review → Protect Workbook, perhaps with a password) and try again; nothing was changed",
  },
  sheetProtected: {
    "zh-CN":
      "工作表“{sheet}”受保护，无法修改其中的单元格。请在“审阅”选项卡点击“撤消工作表保护”（可能需要密码）后再试，什么都没有改动",
    en: 'Sheet "{sheet}" is protected: its cells cannot be changed. Unprotect it (Review → Unprotect Sheet, perhaps with a password) and try again; nothing was changed',
  },
  accessDenied: {
    "zh-CN":
      "Excel 拒绝了修改：工作簿或工作表可能受保护，或是共享工作簿。请在“审阅”选项卡取消保护（或取消共享）后再试",
    en: "Excel refused the change: the workbook or a sheet may be protected, or it is a shared workbook. Unprotect (or unshare) it in the Review tab and try again",
  },
  cellEditMode: {
    "zh-CN": "Excel 正在编辑单元格，请按 Enter 或 Esc 结束编辑后再试",
    en: "Excel is in cell-edit mode; press Enter or Esc and try again",
  },
});

/**
 * LedgerFileError texts, one per code. {where} names the file and {why} is the technical reason; the
 * zh-CN messages show the reason never and the path only where they always did, so `fileErrorText`
 * passes those as Texts that are empty in zh-CN.
 */
export const FILE_ERRORS = textOf<LedgerFileErrorCode>({
  "not-found": {
    "zh-CN": "找不到文件{where}，请检查文件名和所在文件夹是否正确{why}",
    en: "File not found{where}{why}",
  },
  "not-xlsx": {
    "zh-CN":
      "这不是 Excel 工作簿（.xlsx）文件{where}，请选择台账的 .xlsx 文件，或在 Excel 中另存为 .xlsx 后再试{why}",
    en: "Not an Excel .xlsx workbook{where}{why}",
  },
  xls: {
    "zh-CN": "这是旧版 Excel 97-2003（.xls）文件{where}，请在 Excel 中另存为 .xlsx 后再试{why}",
    en: "This is a legacy Excel 97-2003 (.xls) file{where}{why}; save it as .xlsx in Excel and try again",
  },
  encrypted: {
    "zh-CN": "文件设有打开密码{where}，请在 Excel 中取消密码（文件→信息→保护工作簿）后另存再试{why}",
    en: "The workbook is password-protected{where}{why}; remove the password in Excel (File → Info → Protect Workbook), save and try again",
  },
  corrupt: {
    "zh-CN":
      "文件已损坏或不完整{where}，无法读取。请用 Excel 打开该文件（如提示修复请选择“是”），再另存为 .xlsx 后重试{why}",
    en: "The workbook is damaged or incomplete{where}{why}; open it in Excel (let Excel repair it), save it as .xlsx and try again",
  },
  "too-large": {
    "zh-CN": "文件过大{size}。请删除与台账无关的工作表、图片后另存，或按单位拆分成几个文件再试{why}",
    en: "The file is too large{size}{why}",
  },
  empty: {
    "zh-CN": "文件是空的（0字节）{where}，请确认选择了正确的台账文件{why}",
    en: "The file is empty{where}{why}",
  },
});

/** The parts file errors are put together from. */
export const FILE_ERROR_PARTS = textOf({
  where: { "zh-CN": "：{path}", en: ": {path}" },
  sizeAndMax: { "zh-CN": "（{size} MB，上限为{max} MB）", en: " ({size} MB, limit {max} MB)" },
  size: { "zh-CN": "（{size} MB）", en: " ({size} MB)" },
  max: { "zh-CN": "（上限为{max} MB）", en: " (limit {max} MB)" },
  inUse: {
    "zh-CN": "无法打开文件：{path}，可能没有读取权限或文件正被其他程序占用，请关闭该文件或检查权限后再试",
    en: "Cannot open the file (permission denied or in use): {path}",
  },
});

/** A detail only the English message shows (a reason for support, not for the clerk). */
const enOnly = (en: string): Text => ({ "zh-CN": "", en });

export interface FileErrorDetail {
  path?: string;
  /** Sizes in MB, as shown. */
  size?: string;
  max?: string;
  /** Why, in English (a diagnostic). */
  reason?: string;
}

/** The message of a LedgerFileError. */
export function fileErrorText(code: LedgerFileErrorCode, d: FileErrorDetail = {}): Text {
  const where: Param =
    d.path === undefined
      ? undefined
      : code === "xls" || code === "encrypted"
        ? enOnly(`: ${d.path}`)
        : fill(FILE_ERROR_PARTS.where, { path: d.path });
  const size =
    d.size !== undefined && d.max !== undefined
      ? FILE_ERROR_PARTS.sizeAndMax
      : d.size !== undefined
        ? FILE_ERROR_PARTS.size
        : d.max !== undefined
          ? FILE_ERROR_PARTS.max
          : undefined;
  return fill(FILE_ERRORS[code], {
    where,
    size: size && fill(size, { size: d.size, max: d.max }),
    why: d.reason === undefined ? undefined : enOnly(` (${d.reason})`),
  });
}

/** Notes on what this Excel (or the browser preview) cannot do, shown under the pane's header. */
export const HOST_NOTES = textOf({
  apiUnknown: {
    "zh-CN": "未检测到 Excel 的 API 版本，部分功能可能不可用",
    en: "Excel's API version was not detected; some features may be unavailable",
  },
  noConditionalFormats: {
    "zh-CN": "此版本 Excel 不支持条件格式：结果表中的等次不着色",
    en: "This Excel has no conditional formats: grades in the result sheets are not coloured",
  },
  noHyperlinks: {
    "zh-CN": "此版本 Excel 不支持超链接：结果表中的单元格位置不能点击跳转，也不冻结表头",
    en: "This Excel has no hyperlinks: cell addresses in the result sheets are not clickable and headers are not frozen",
  },
  contiguousCharts: {
    "zh-CN": "此版本 Excel 只能按连续区域绘制图表：结果表中图表的横轴显示序号而不是单位名称",
    en: "This Excel charts contiguous ranges only: chart axes show numbers instead of unit names",
  },
  noDataValidation: {
    "zh-CN": "此版本 Excel 不支持数据验证：新建的台账表没有下拉列表和输入提示",
    en: "This Excel has no data validation: new ledger sheets get no drop-down lists or input hints",
  },
  noFillPattern: {
    "zh-CN":
      "此版本 Excel 无法区分白色填充和无填充：清除标记时，原为白色填充的单元格恢复为无填充；结果表不设打印格式",
    en: "This Excel cannot tell a white fill from no fill: clearing marks restores white cells as unfilled; result sheets get no print setup",
  },
  noMergedAreas: {
    "zh-CN": "此版本 Excel 无法读取合并单元格：按未合并处理",
    en: "This Excel cannot read merged areas: cells are read as unmerged",
  },
  preview: {
    "zh-CN": "浏览器预览：新建的台账表没有下拉列表和输入提示；修改只在内存中，请用“下载结果工作簿”保存",
    en: "Browser preview: new ledger sheets get no drop-down lists or hints; changes stay in memory until you download the result workbook",
  },
});

/** What a write could not do although it succeeded: shown after the run (never an error). */
export const WRITE_NOTES = textOf({
  decorationFailed: {
    "zh-CN": "结果表“{sheet}”的{part}未能设置，表中数据已完整写入",
    en: 'The {part} of result sheet "{sheet}" could not be set; its data is complete',
  },
  backupsLeft: {
    "zh-CN": "旧的结果表未能删除（隐藏的{names}），下次写入结果表时会自动删除",
    en: "The old result sheets could not be deleted (hidden {names}); the next write of result sheets removes them",
  },
  highlightsInPane: {
    "zh-CN":
      "工作簿结构受保护，无法保存标记前的填充色：它们只记在本任务窗格中，请在关闭任务窗格或 Excel 之前点击“清除标记”",
    en: "The workbook structure is protected, so the original fills are kept in this task pane only: clear the marks before closing the pane or Excel",
  },
  formulasSkipped: {
    "zh-CN": "{n}个单元格含有公式，未修改：{cells}。请检查公式或其引用的单元格",
    en: "{n} cells hold formulas and were not changed: {cells}. Check the formulas or the cells they use",
  },
});

/** The parts of a result sheet a note may name. */
export const DECORATION_PARTS = textOf({
  table: { "zh-CN": "表格和筛选", en: "table and filter" },
  conditionals: { "zh-CN": "条件格式", en: "conditional formats" },
  validations: { "zh-CN": "下拉列表", en: "drop-down lists" },
  print: { "zh-CN": "打印设置", en: "print setup" },
  freeze: { "zh-CN": "冻结表头", en: "frozen header" },
  charts: { "zh-CN": "图表", en: "charts" },
});

/** The stages a host reports while it reads and writes. */
export const HOST_STAGES = textOf({
  read: { "zh-CN": "读取工作簿", en: "Reading the workbook" },
  readSheet: { "zh-CN": "读取“{sheet}”表", en: "Reading {sheet}" },
  writeSheet: { "zh-CN": "写入“{sheet}”表", en: "Writing {sheet}" },
  written: { "zh-CN": "写入完成", en: "Written" },
  applyFixes: { "zh-CN": "应用修正", en: "Applying fixes" },
  highlight: { "zh-CN": "标记问题单元格", en: "Highlighting cells" },
  clearHighlights: { "zh-CN": "清除标记", en: "Clearing highlights" },
});
