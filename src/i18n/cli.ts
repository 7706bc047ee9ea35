// CLI texts, zh-CN first (the default) and en: the command help, the human-readable output and
// the one-line failures. Finding messages are in ./findings.ts, reasons in ./reasons.ts.
import { textOf, translator } from "./text";

export const CLI_TEXTS = textOf({
  ledger: { "zh-CN": "台账", en: "Ledger" },
  asOf: { "zh-CN": "检查基准日", en: "As of" },
  sheetsFound: { "zh-CN": "台账表：已识别{found}/{total}张", en: "Ledger sheets: {found}/{total}" },
  found: { "zh-CN": "已识别", en: "found" },
  missing: { "zh-CN": "缺少", en: "missing" },
  headerRow: { "zh-CN": "表头在第{n}行", en: "header on row {n}" },
  records: { "zh-CN": "{n}条记录", en: "{n} records" },
  ignored: { "zh-CN": "未使用的工作表（不作改动）", en: "Ignored sheets (left untouched)" },
  summary: {
    "zh-CN": "错误{error}条 · 警告{warning}条 · 提示{info}条",
    en: "{error} errors · {warning} warnings · {info} infos",
  },
  more: { "zh-CN": "……另有{n}条，用 --json 查看全部", en: "… {n} more; use --json to see all" },
  infoByCode: { "zh-CN": "提示按类别：", en: "Infos by code:" },
  noErrors: { "zh-CN": "没有错误。", en: "No errors." },
  hasErrors: { "zh-CN": "有{n}处错误，请改正后再考评。", en: "{n} errors must be fixed before scoring." },
  written: { "zh-CN": "已写出：{file}", en: "Written: {file}" },
  reading: { "zh-CN": "读取 {file} …", en: "Reading {file} …" },
  checking: { "zh-CN": "校验 …", en: "Checking …" },
  generating: { "zh-CN": "生成示例台账 …", en: "Generating the sample ledger …" },
  inputChanged: {
    "zh-CN":
      "{file} 在考评过程中被修改了（例如在 Excel 或 WPS 中保存过），结果工作簿未写出；请保存并关闭该文件后重新运行",
    en: "{file} changed while it was being evaluated (saved in Excel or WPS?); nothing was written. Save and close it, then run again",
  },
  sameFile: {
    "zh-CN": "输出文件不能与输入文件相同，请用 -o 指定另一个文件名",
    en: "The output must not be the input file; give another name with -o",
  },
  internal: {
    "zh-CN": "处理 {file} 时出错：{why}。请把该文件发给技术支持",
    en: "Failed while processing {file}: {why}. Please send the file to support",
  },
  badDate: {
    "zh-CN": "--as-of 应为 YYYY-MM-DD 格式的日期，如“2012-11-07”",
    en: "--as-of must be a date YYYY-MM-DD, e.g. 2012-11-07",
  },
  blocked: {
    "zh-CN": "评分规则{keys}的值无法读取，本次未考评；请改正“评分规则”表后重试",
    en: "Rules {keys} could not be read; nothing was scored. Fix the rules sheet and run again",
  },
  scored: {
    "zh-CN": "已考评：基层党组织{orgs}个次 · 党员{members}人次",
    en: "Scored: {orgs} organisation-phases · {members} member-phases",
  },
  strictRefused: {
    "zh-CN": "台账有{n}处错误，按 --strict 未写出结果工作簿；请改正后重新考评",
    en: "The ledger has {n} errors; with --strict no result workbook was written. Correct them and evaluate again",
  },
  /** How many a list has: organisations and units with 个, people with 名. */
  listCount: { "zh-CN": "{n}个", en: "{n}" },
  listCountPeople: { "zh-CN": "{people}名", en: "{people}" },
  provisionalList: { "zh-CN": "（拟推荐）", en: " (proposed)" },
  notSelected: {
    "zh-CN": "未入选说明{n}条（见“未入选说明”表）",
    en: "{n} not-selected explanations (sheet 未入选说明)",
  },
  noLedger: {
    "zh-CN":
      "没有找到任何台账表：请确认这是创先争优活动台账，或用 `pioneer-ledger template -o 标准台账.xlsx` 生成标准台账后填写",
    en: "No ledger sheet was found: check that this is the campaign ledger, or start from `pioneer-ledger template -o ledger.xlsx`",
  },
  badLang: { "zh-CN": "--lang 只能是 zh-CN 或 en", en: "--lang must be zh-CN or en" },
  badSize: { "zh-CN": "--size 只能是 small 或 district", en: "--size must be small or district" },
  sampleStats: {
    "zh-CN": "共{units}个党（工）委、{orgs}个基层党组织、{members}名党员，{rows}行",
    en: "({units} units · {orgs} organisations · {members} members · {rows} rows)",
  },
  labelled: { "zh-CN": "{label}：{value}", en: "{label}: {value}" },
  /** Between the items of a run-on line (the infos by code). */
  itemSeparator: { "zh-CN": "，", en: ", " },
  sevError: { "zh-CN": "错误", en: "error" },
  sevWarning: { "zh-CN": "警告", en: "warning" },
  sevInfo: { "zh-CN": "提示", en: "info" },
  // compile
  compileHead: {
    "zh-CN": "全区汇总：收到{n}个文件    检查基准日：{asOf}",
    en: "District compilation: {n} files received    As of: {asOf}",
  },
  compileCounts: {
    "zh-CN": "合格{accepted}个 · 退回修改{returned}个 · 已被替代{superseded}个",
    en: "{accepted} accepted · {returned} returned · {superseded} superseded",
  },
  compileSkipped: { "zh-CN": "未作为报送文件：", en: "Not taken as submissions:" },
  skipLock: {
    "zh-CN": "{file}（Office 打开文件时留下的临时锁定文件）",
    en: "{file} (a lock file Office leaves while a workbook is open)",
  },
  skipNotXlsx: { "zh-CN": "{file}（不是 .xlsx 文件）", en: "{file} (not an .xlsx file)" },
  skipFolder: { "zh-CN": "{file}（子文件夹，未展开）", en: "{file} (a subfolder, not searched)" },
  skipHidden: { "zh-CN": "{file}（隐藏文件）", en: "{file} (a hidden file)" },
  skipDuplicate: {
    "zh-CN": "{file}（与前面的文件相同，只计一次）",
    en: "{file} (the same file as above, counted once)",
  },
  skipOwn: {
    "zh-CN": "{file}（本次的输出文件或单位名单）",
    en: "{file} (this run's output or the units workbook)",
  },
  compileReturned: { "zh-CN": "退回修改：", en: "Returned:" },
  compileSuperseded: { "zh-CN": "已被替代：", en: "Superseded:" },
  compileCross: { "zh-CN": "跨单位问题{n}条：", en: "{n} findings across units:" },
  compileWarnings: {
    "zh-CN": "合格文件的警告{n}条（见“校验结果”表）",
    en: "{n} warnings in accepted files (sheet 校验结果)",
  },
  compileNotices: { "zh-CN": "退回修改通知{n}份：{folder}", en: "{n} return notices: {folder}" },
  compileNothing: {
    "zh-CN": "没有可以汇总的报送文件：以上文件都无法读取，未写出汇总工作簿",
    en: "No submission could be used: none of the files above could be read; no district workbook was written",
  },
  compileNoFiles: {
    "zh-CN": "没有找到报送文件：请给出台账 .xlsx 文件或存放它们的文件夹",
    en: "No submitted file was found: give ledger .xlsx files or the folder that holds them",
  },
  unitsUnreadable: {
    "zh-CN": "无法读取单位名单 {file}：{why}",
    en: "Cannot read the units workbook {file}: {why}",
  },
  unitsNoSheet: {
    "zh-CN": "单位名单 {file} 中没有“党（工）委”表或表中没有单位编号，请检查 --units 指定的文件",
    en: "The units workbook {file} has no 党（工）委 sheet with 单位编号; check the file given with --units",
  },
  unitsRulesBroken: {
    "zh-CN": "单位名单 {file} 的“评分规则”有无法读取的值（{keys}），本次不考评；请改正后重试",
    en: "The rules sheet of {file} has unreadable values ({keys}); nothing is scored. Fix them and run again",
  },
  sampleNeedsOutput: {
    "zh-CN": "请用 -o 指定输出文件，或用 --split-by-unit 指定按单位拆分的文件夹",
    en: "Give the output file with -o, or a folder with --split-by-unit",
  },
  sampleSplit: {
    "zh-CN": "已按单位写出{n}个报送文件：{folder}",
    en: "Wrote {n} submission files, one per unit: {folder}",
  },
  "sampleNote-broken": {
    "zh-CN": "文件只写了一半（损坏的报送文件）",
    en: "only half written (a broken file)",
  },
  "sampleNote-duplicate-member": {
    "zh-CN": "多登记了另一单位的一名党员（跨单位重复）",
    en: "also lists a member of another unit (a duplicate across units)",
  },
  "sampleNote-unit-twice": {
    "zh-CN": "同一单位较早报送的一份（报出时间较早）",
    en: "an earlier submission of the same unit (earlier 报出时间)",
  },
  "sampleNote-unknown-unit": {
    "zh-CN": "不在全区单位名单中的单位报送的台账",
    en: "a ledger from a unit not on the district's list",
  },
  notScored: {
    "zh-CN": "没有合格的报送文件，本次没有考评结果",
    en: "No submission was accepted: nothing was scored",
  },

  // rules
  rulesCodes: { "zh-CN": "检查项（代码 · 级别 · 依据）", en: "Finding codes (code · severity · clause)" },
  rulesKeys: { "zh-CN": "评分规则（规则 · 默认值 · 依据）", en: "Rule keys (key · default · clause)" },
  ruleDefaultToday: { "zh-CN": "（运行当日）", en: "(the day of the run)" },
});

/** `--help`: the program, its commands and their options (commander prints them as they are). */
export const CLI_HELP = textOf({
  program: {
    "zh-CN": "先锋台账：创先争优活动台账校验、考评与表彰名单",
    en: "Pioneer Ledger: checks, scores and commendation lists for the campaign ledger",
  },
  validate: { "zh-CN": "读取并校验一本台账", en: "Read and check one ledger" },
  evaluate: {
    "zh-CN": "校验、考评、生成表彰名单，写出带结果表的工作簿副本",
    en: "Check, score and draw up the lists; write a copy of the workbook with the result sheets",
  },
  strict: {
    "zh-CN": "台账有错误时不写出结果工作簿，退出码为1",
    en: "write no result workbook when the ledger has errors (exit code 1)",
  },
  template: { "zh-CN": "写出空白标准台账", en: "Write a blank standard ledger" },
  rules: { "zh-CN": "列出全部检查项和评分规则", en: "List every check and scoring rule" },
  demo: {
    "zh-CN": "生成示例台账，校验、考评并写出结果工作簿",
    en: "Generate the sample ledger, check and score it, and write the result workbook",
  },
  sample: {
    "zh-CN": "生成示例台账文件（small 或 district 规模），或按单位拆分的报送文件",
    en: "Generate a sample ledger file (small or district size), or one submission file per unit",
  },
  compile: {
    "zh-CN": "全区汇总：校验各单位报送的台账，合并合格台账，跨单位检查，全区考评表彰",
    en: "District compilation: check every unit's ledger, merge the accepted ones, check across units, score the district",
  },
  outputDistrict: {
    "zh-CN": "汇总工作簿 .xlsx（报送情况及各结果表）",
    en: "district workbook .xlsx (报送情况 and the result sheets)",
  },
  notices: {
    "zh-CN": "为每个退回单位写出“退回修改通知”到该文件夹",
    en: "write a return notice for each returned unit into this folder",
  },
  units: {
    "zh-CN": "全区单位名单工作簿：读取其中的“党（工）委”表；如有“评分规则”表，按该表考评",
    en: "the district's units workbook (its 党（工）委 sheet; its 评分规则 sheet when there is one)",
  },
  maxSizeEach: { "zh-CN": "单个文件大小上限（MB），默认为100", en: "size limit per file (MB), default 100" },
  splitByUnit: {
    "zh-CN": "按党（工）委拆分，每个单位一个报送文件（含填报信息）",
    en: "split by unit: one submission file per 党（工）委 (with its 填报信息)",
  },
  brokenFile: { "zh-CN": "拆分时：其中一个文件损坏", en: "when splitting: one file is damaged" },
  duplicateMember: {
    "zh-CN": "拆分时：一名党员同时登记在两个单位",
    en: "when splitting: one member is registered by two units",
  },
  unitTwice: { "zh-CN": "拆分时：一个单位报送了两次", en: "when splitting: one unit submits twice" },
  unknownUnit: {
    "zh-CN": "拆分时：加入一个不在全区名单中的单位的文件",
    en: "when splitting: add a file from a unit not on the district's list",
  },
  unitsList: {
    "zh-CN": "拆分时：另写出全区单位名单（供 compile --units 使用）",
    en: "when splitting: also write the district's units workbook (for compile --units)",
  },
  asOf: { "zh-CN": "检查基准日 YYYY-MM-DD", en: "as-of date YYYY-MM-DD" },
  asOfDemo: { "zh-CN": "检查基准日", en: "as-of date" },
  json: { "zh-CN": "输出 JSON", en: "print JSON" },
  maxSize: { "zh-CN": "文件大小上限（MB），默认为100", en: "file size limit (MB), default 100" },
  lang: { "zh-CN": "语言 zh-CN | en", en: "language zh-CN | en" },
  outputCopy: {
    "zh-CN": "输出文件 .xlsx（不能与输入相同）",
    en: "output file .xlsx (not the input file)",
  },
  output: { "zh-CN": "输出文件 .xlsx", en: "output file .xlsx" },
  outputFolder: { "zh-CN": "输出文件夹", en: "output folder" },
  clean: { "zh-CN": "不加入示例错误", en: "no sample mistakes" },
});

export type TextKey = keyof typeof CLI_TEXTS;

export const t = translator(CLI_TEXTS);
