// Task-pane texts, zh-CN first (the default) and en; the ribbon commands use them too. The zh-CN
// labels are the ones of ui.md: tests and users rely on them, keep them stable. Finding messages are
// in ./findings.ts, host errors, notes and stages in ./host.ts.
import { textOf, translator } from "./text";

export const PANE_TEXTS = textOf({
  appName: { "zh-CN": "先锋台账", en: "Pioneer Ledger" },
  stateLine: {
    "zh-CN": "已识别{found}/{total}张台账表 · 检查基准日：{asOf}",
    en: "{found}/{total} ledger sheets found · as of {asOf}",
  },
  stateMissing: { "zh-CN": "（缺少{names}）", en: " (missing {names})" },
  stateNoLedger: { "zh-CN": "尚未读取台账", en: "No ledger read yet" },

  tabOverview: { "zh-CN": "概况", en: "Overview" },
  tabValidate: { "zh-CN": "校验", en: "Check" },
  tabEvaluate: { "zh-CN": "考评表彰", en: "Scores" },
  tabCompile: { "zh-CN": "汇总报送", en: "District" },
  tabSettings: { "zh-CN": "设置", en: "Settings" },

  // 概况
  colSheet: { "zh-CN": "台账表", en: "Sheet" },
  colFound: { "zh-CN": "识别", en: "Found" },
  colHeaderRow: { "zh-CN": "表头行", en: "Header" },
  colRecords: { "zh-CN": "记录数", en: "Records" },
  foundAs: { "zh-CN": "（工作表“{name}”）", en: " (sheet “{name}”)" },
  ignoredSheets: {
    "zh-CN": "未使用的工作表（不作改动）：{names}",
    en: "Ignored sheets (untouched): {names}",
  },
  newTemplate: { "zh-CN": "新建标准台账", en: "Add standard sheets" },
  templateAdded: { "zh-CN": "已添加：{names}", en: "Added: {names}" },
  templateNothing: {
    "zh-CN": "标准台账表都已存在，未作改动",
    en: "All standard sheets exist; nothing added",
  },
  asOf: { "zh-CN": "检查基准日", en: "As-of date" },
  asOfHint: {
    "zh-CN": "按所填日期检查；留空时用“评分规则”表中的检查基准日，表中也未填的用今天",
    en: "The check uses this date; when empty, the 评分规则 sheet's 检查基准日, or today if that is empty too",
  },
  reread: { "zh-CN": "重新读取", en: "Re-read" },

  // 校验
  validate: { "zh-CN": "校验台账", en: "Check ledger" },
  counts: {
    "zh-CN": "错误{error}条 · 警告{warning}条 · 提示{info}条",
    en: "Errors {error} · Warnings {warning} · Infos {info}",
  },
  sevError: { "zh-CN": "错误", en: "Errors" },
  sevWarning: { "zh-CN": "警告", en: "Warnings" },
  sevInfo: { "zh-CN": "提示", en: "Infos" },
  sevErrorOne: { "zh-CN": "错误", en: "Error" },
  sevWarningOne: { "zh-CN": "警告", en: "Warning" },
  sevInfoOne: { "zh-CN": "提示", en: "Info" },
  /** A severity filter with its count: `错误（14）`. */
  filterCount: { "zh-CN": "{label}（{n}）", en: "{label} ({n})" },
  filterSeverity: { "zh-CN": "级别", en: "Severity" },
  filterSheet: { "zh-CN": "工作表", en: "Sheet" },
  allSheets: { "zh-CN": "全部工作表", en: "All sheets" },
  workbookLevel: { "zh-CN": "整个工作簿", en: "Workbook" },
  noFindings: { "zh-CN": "没有发现问题。", en: "No findings." },
  noneShown: { "zh-CN": "没有符合筛选条件的问题。", en: "No findings match the filters." },
  showMore: { "zh-CN": "再显示{n}条", en: "Show {n} more" },
  fixTo: { "zh-CN": "改为“{fix}”", en: "Change to “{fix}”" },
  goToCell: { "zh-CN": "转到 {sheet}!{cell}", en: "Go to {sheet}!{cell}" },
  markCells: { "zh-CN": "标记问题单元格", en: "Highlight cells" },
  clearMarks: { "zh-CN": "清除标记", en: "Clear highlights" },
  applyFixes: { "zh-CN": "应用所选修正（{n}）", en: "Apply selected fixes ({n})" },
  writeFindings: { "zh-CN": "写入校验结果表", en: "Write 校验结果 sheet" },
  confirmTitle: { "zh-CN": "应用所选修正", en: "Apply selected fixes" },
  confirmBody: {
    "zh-CN": "将修改{n}个单元格，只写入已勾选的修正，其他单元格不变。确定吗？",
    en: "{n} cells will be changed; only the ticked fixes are written. Continue?",
  },
  confirmOk: { "zh-CN": "确定修改", en: "Apply" },
  confirmCancel: { "zh-CN": "不修改", en: "Don't apply" },
  fixesApplied: { "zh-CN": "已修改{n}个单元格，已重新校验", en: "{n} cells changed; checked again" },
  marked: { "zh-CN": "已标记{n}个单元格", en: "{n} cells highlighted" },
  cleared: { "zh-CN": "已清除标记", en: "Highlights cleared" },
  findingsWritten: { "zh-CN": "已写入“{name}”表", en: "Wrote sheet “{name}”" },

  // 考评表彰
  rulesInForce: { "zh-CN": "现行评分规则", en: "Rules in force" },
  rulesFromSheet: { "zh-CN": "来自“{name}”表", en: "From the sheet “{name}”" },
  rulesDefault: { "zh-CN": "使用默认规则（工作簿中没有“评分规则”表）", en: "Defaults (no 评分规则 sheet)" },
  rulesCount: { "zh-CN": "共{n}项规则", en: "{n} rules" },
  ruleSet: { "zh-CN": "表中设定", en: "set" },
  ruleDefault: { "zh-CN": "默认", en: "default" },
  ruleBroken: { "zh-CN": "无法读取", en: "unreadable" },
  insertRules: { "zh-CN": "插入评分规则表", en: "Insert 评分规则 sheet" },
  rulesInserted: {
    "zh-CN": "已插入“评分规则”表，可修改“值”一列",
    en: "Inserted 评分规则; edit the 值 column",
  },
  rulesExist: { "zh-CN": "“评分规则”表已存在", en: "The 评分规则 sheet exists already" },
  evaluate: { "zh-CN": "考评并生成表彰名单", en: "Score and draw up lists" },
  blocked: {
    "zh-CN": "“评分规则”表中{keys}的值无法读取，未计算得分和表彰名单。请改正后重新考评。",
    en: "Rule values {keys} could not be read; no scores or lists. Fix them and run again.",
  },
  selected: { "zh-CN": "入选{n}个", en: "{n} selected" },
  selectedPeople: { "zh-CN": "入选{people}名", en: "{people} selected" },
  noneSelected: { "zh-CN": "无符合条件的推荐对象", en: "nobody eligible" },
  gradeChart: { "zh-CN": "{phase}等次分布", en: "{phase} grades" },
  coverageChart: { "zh-CN": "各单位点评与评议覆盖率", en: "Review and evaluation coverage by unit" },
  coverageReviews: { "zh-CN": "季度点评", en: "Quarterly reviews" },
  coverageEvaluations: { "zh-CN": "群众评议", en: "Public evaluations" },
  kindOrg: { "zh-CN": "组织", en: "Organisations" },
  kindMember: { "zh-CN": "党员", en: "Members" },
  writtenSheets: { "zh-CN": "已写入的工作表", en: "Written sheets" },
  notSelectedCount: { "zh-CN": "未入选说明{n}条", en: "{n} not-selected notes" },
  evaluated: { "zh-CN": "考评完成，已写入{n}张结果表", en: "Scored; {n} result sheets written" },
  evaluatedDraft: {
    "zh-CN": "已写入{n}张结果表；台账尚有错误，表彰名单为试算稿",
    en: "{n} result sheets written; the ledger still has errors, so the lists are a draft",
  },
  draftTitle: { "zh-CN": "试算稿", en: "Draft" },

  // 汇总报送
  pickSubmissions: { "zh-CN": "选择报送文件", en: "Choose submitted files" },
  dropHint: {
    "zh-CN": "把各单位报送的台账（.xlsx，可多选）拖到这里，或",
    en: "Drop the units' ledgers here (.xlsx, several at once), or",
  },
  dropZone: { "zh-CN": "报送文件拖放区", en: "Drop zone for submitted files" },
  compileHint: {
    "zh-CN": "每个文件在后台单独读取和校验，不改动当前工作簿；“生成全区汇总”才写入“报送情况”和结果表。",
    en: "Each file is read and checked on its own in the background; this workbook changes only with “Write district summary”.",
  },
  compiledLine: {
    "zh-CN": "共{n}个报送文件 · 检查基准日：{asOf}",
    en: "{n} submitted files · as of {asOf}",
  },
  compileCounts: {
    "zh-CN": "合格{accepted}个 · 退回修改{returned}个 · 无法读取{unreadable}个 · 已被替代{superseded}个",
    en: "Accepted {accepted} · Returned {returned} · Unreadable {unreadable} · Superseded {superseded}",
  },
  unitsFromWorkbook: {
    "zh-CN": "单位名单：当前工作簿的“党（工）委”表，共{n}个单位",
    en: "Unit list: this workbook's 党（工）委 sheet ({n} units)",
  },
  unitsFromSubmissions: {
    "zh-CN": "单位名单：各报送文件中的单位，共{n}个",
    en: "Unit list: the units the files name ({n})",
  },
  skippedLock: {
    "zh-CN": "{name}：Office 临时文件（~$ 开头），未汇总",
    en: "{name}: an Office lock file (~$…); not compiled",
  },
  skippedNotXlsx: {
    "zh-CN": "{name}：不是 .xlsx 文件，未汇总",
    en: "{name}: not an .xlsx file; not compiled",
  },
  repeatedFile: {
    "zh-CN": "{name}：同一文件选了两次，只汇总一次",
    en: "{name}: the same file was chosen twice; compiled once",
  },
  colFile: { "zh-CN": "文件", en: "File" },
  colUnit: { "zh-CN": "单位", en: "Unit" },
  colStatus: { "zh-CN": "状态", en: "Status" },
  colErrors: { "zh-CN": "错误", en: "Errors" },
  colWarnings: { "zh-CN": "警告", en: "Warn." },
  statusAccepted: { "zh-CN": "合格", en: "Accepted" },
  statusReturned: { "zh-CN": "退回修改", en: "Returned" },
  statusUnreadable: { "zh-CN": "无法读取", en: "Unreadable" },
  statusSuperseded: { "zh-CN": "已被替代", en: "Superseded" },
  submissionFindings: { "zh-CN": "“{file}”的问题", en: "Findings of “{file}”" },
  submissionReason: { "zh-CN": "原因：{reason}", en: "Reason: {reason}" },
  generateDistrict: { "zh-CN": "生成全区汇总", en: "Write district summary" },
  downloadNotices: { "zh-CN": "下载退回修改通知", en: "Download return notices" },
  nothingUsable: {
    "zh-CN": "没有可以汇总的报送文件：所选文件都无法读取。请让各单位重新报送后再试。",
    en: "No submission can be compiled: none of the files could be read. Ask the units to submit again.",
  },
  compiled: {
    "zh-CN": "已汇总{n}个报送文件，退回修改{returned}个",
    en: "{n} files compiled; {returned} to return",
  },
  districtWritten: {
    "zh-CN": "已写入全区汇总：“{first}”等{n}张表",
    en: "District summary written: {n} sheets, from “{first}”",
  },
  noticesDownloaded: {
    "zh-CN": "已下载{n}份退回修改通知：{name}",
    en: "Downloaded {n} return notices: {name}",
  },
  noNotices: { "zh-CN": "没有需要退回修改的单位", en: "No unit has to be sent back" },
  stageCompile: { "zh-CN": "全区汇总 …", en: "Compiling the district …" },
  stageNotices: { "zh-CN": "生成退回修改通知 …", en: "Building the return notices …" },

  // 功能区按钮（校验台账、考评表彰）：Office 约 5 分钟后会结束按钮命令
  commandTooLarge: {
    "zh-CN":
      "这个工作簿较大（约{cells}个单元格），在按钮中运行可能超过 Office 允许的时间。请在任务窗格中运行：点击“台账助手”，再在窗格中点击“{action}”。",
    en: "This workbook is large (about {cells} cells) and could run past the time Office gives a ribbon button. Run it in the task pane: click 台账助手, then “{action}” in the pane.",
  },
  commandTooSlow: {
    "zh-CN":
      "运行时间过长，已停止，工作簿保持运行前的状态。请在任务窗格中运行：点击“台账助手”，再在窗格中点击“{action}”。",
    en: "This took too long and was stopped; the workbook is as it was before. Run it in the task pane: click 台账助手, then “{action}” in the pane.",
  },
  notes: { "zh-CN": "请注意：", en: "Please note:" },

  // 启动：Excel 首次启动或 office.js 镜像较慢
  officeSlow: {
    "zh-CN": "正在连接 Excel …（首次启动或网络较慢时可能需要一分钟）",
    en: "Connecting to Excel … (the first start or a slow network can take a minute)",
  },
  officeStalled: {
    "zh-CN":
      "无法连接 Excel：office.js 没有响应。请检查网络（或单位内网的 office.js 镜像）后点击“重试”，或关闭任务窗格后重新打开。",
    en: "Cannot connect to Excel: office.js did not answer. Check the network (or the intranet office.js mirror) and click Retry, or close and reopen the task pane.",
  },
  retry: { "zh-CN": "重试", en: "Retry" },

  // 设置
  language: { "zh-CN": "语言", en: "Language" },
  highlightColor: { "zh-CN": "标记颜色", en: "Highlight colour" },
  resultSheets: { "zh-CN": "写入哪些结果表", en: "Result sheets to write" },

  // 进度、取消、错误
  cancel: { "zh-CN": "取消", en: "Cancel" },
  cancelled: {
    "zh-CN": "已取消，工作簿保持运行前的状态",
    en: "Cancelled; the workbook is as it was before",
  },
  stageRead: { "zh-CN": "读取工作簿", en: "Reading the workbook" },
  stageCheck: { "zh-CN": "校验 …", en: "Checking …" },
  stageCheckSubmission: { "zh-CN": "校验报送文件 {file}", en: "Checking {file}" },
  submissionUnreadable: {
    "zh-CN": "无法读取该文件（{why}），请重新保存为 .xlsx 后再报送",
    en: "The file could not be read ({why}); save it again as .xlsx and submit it again",
  },
  stageScore: { "zh-CN": "考评 …", en: "Scoring …" },
  stageBuild: { "zh-CN": "生成结果表 …", en: "Building result sheets …" },
  stageWrite: { "zh-CN": "写入结果表 …", en: "Writing the result sheets …" },
  stageSample: { "zh-CN": "生成示例台账 …", en: "Generating the sample …" },
  stageOpen: { "zh-CN": "打开 {name} …", en: "Opening {name} …" },
  errorTitle: { "zh-CN": "出错了", en: "Something went wrong" },
  errorGeneric: {
    "zh-CN": "{why}。请重试；如果仍然出错，请保存工作簿后关闭并重新打开本任务窗格。",
    en: "{why}. Try again; if it persists, save the workbook and reopen this pane.",
  },
  dismiss: { "zh-CN": "关闭", en: "Dismiss" },
  hostNotes: { "zh-CN": "此环境的限制", en: "Limits of this host" },
  labelled: { "zh-CN": "{label}：{text}", en: "{label}: {text}" },

  // 浏览器预览
  previewBanner: { "zh-CN": "浏览器预览：未连接 Excel", en: "Browser preview: not connected to Excel" },
  previewHint: {
    "zh-CN": "在浏览器中打开台账文件或示例台账试用；结果可下载为工作簿。",
    en: "Open a ledger file or the sample here; download the results as a workbook.",
  },
  openFile: { "zh-CN": "打开台账文件", en: "Open ledger file" },
  loadSample: { "zh-CN": "载入示例台账", en: "Load sample ledger" },
  download: { "zh-CN": "下载结果工作簿", en: "Download result workbook" },
  downloadUnavailable: {
    "zh-CN": "此预览版本不能下载工作簿",
    en: "This preview cannot download the workbook",
  },
  noWorkbook: {
    "zh-CN": "请先“打开台账文件”或“载入示例台账”。",
    en: "First open a ledger file or load the sample.",
  },
  viewer: { "zh-CN": "查看工作表", en: "View sheet" },
  viewerRows: { "zh-CN": "显示前{n}行，共{total}行", en: "First {n} of {total} rows" },
  loaded: { "zh-CN": "已打开“{name}”", en: "Opened “{name}”" },
  sampleName: { "zh-CN": "示例台账", en: "sample ledger" },
});

export type TextKey = keyof typeof PANE_TEXTS;

export const t = translator(PANE_TEXTS);

/** The severity labels of the filters (plural in English). */
export const SEVERITY_KEYS = { error: "sevError", warning: "sevWarning", info: "sevInfo" } as const;
/** The severity label of one finding. */
export const SEVERITY_ITEM_KEYS = {
  error: "sevErrorOne",
  warning: "sevWarningOne",
  info: "sevInfoOne",
} as const;
