// CLI texts, zh-CN first (the default) and en: the command help, the human-readable output and
// the one-line failures. Finding messages are in ./findings.ts, reasons in ./reasons.ts.
import { textOf, translator } from "./text";

export const CLI_TEXTS = textOf({
  ledger: { "zh-CN": "台账", en: "Ledger" },
  asOf: { "zh-CN": "检查基准日", en: "As of" },
  sheets: { "zh-CN": "台账表", en: "Ledger sheets" },
  found: { "zh-CN": "已识别", en: "found" },
  missing: { "zh-CN": "缺少", en: "missing" },
  headerRow: { "zh-CN": "表头在第 {n} 行", en: "header on row {n}" },
  records: { "zh-CN": "{n} 条记录", en: "{n} records" },
  ignored: { "zh-CN": "未使用的工作表（不作改动）", en: "Ignored sheets (left untouched)" },
  summary: {
    "zh-CN": "错误 {error} · 警告 {warning} · 提示 {info}",
    en: "{error} errors · {warning} warnings · {info} infos",
  },
  more: { "zh-CN": "…… 另有 {n} 条，用 --json 查看全部", en: "… {n} more; use --json to see all" },
  infoByCode: { "zh-CN": "提示按类别：", en: "Infos by code:" },
  noErrors: { "zh-CN": "没有错误。", en: "No errors." },
  hasErrors: { "zh-CN": "有 {n} 个错误需要改正后再考评。", en: "{n} errors must be fixed before scoring." },
  written: { "zh-CN": "已写出：{file}", en: "Written: {file}" },
  reading: { "zh-CN": "读取 {file} …", en: "Reading {file} …" },
  checking: { "zh-CN": "校验 …", en: "Checking …" },
  generating: { "zh-CN": "生成示例台账 …", en: "Generating the sample ledger …" },
  sameFile: {
    "zh-CN": "输出文件不能与输入文件相同，请用 -o 指定另一个文件名",
    en: "The output must not be the input file; give another name with -o",
  },
  cannotWrite: {
    "zh-CN": "无法写入 {file}：{why}。请检查文件夹是否存在、文件是否正在 Excel 中打开",
    en: "Cannot write {file}: {why}. Check that the folder exists and the file is not open in Excel",
  },
  internal: {
    "zh-CN": "处理 {file} 时出错：{why}。请把该文件发给技术支持",
    en: "Failed while processing {file}: {why}. Please send the file to support",
  },
  badDate: {
    "zh-CN": "--as-of 应为 YYYY-MM-DD 格式的日期，如 2012-11-07",
    en: "--as-of must be a date YYYY-MM-DD, e.g. 2012-11-07",
  },
  blocked: {
    "zh-CN": "评分规则 {keys} 的值无法读取，本次未考评；请改正“评分规则”表后重试",
    en: "Rules {keys} could not be read; nothing was scored. Fix the rules sheet and run again",
  },
  scored: {
    "zh-CN": "已考评：基层党组织 {orgs} 个次 · 党员 {members} 人次",
    en: "Scored: {orgs} organisation-phases · {members} member-phases",
  },
  notSelected: {
    "zh-CN": "未入选说明 {n} 条（见“未入选说明”表）",
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
    "zh-CN": "({units} 党（工）委 · {orgs} 基层党组织 · {members} 党员 · {rows} 行)",
    en: "({units} units · {orgs} organisations · {members} members · {rows} rows)",
  },
  labelled: { "zh-CN": "{label}：{value}", en: "{label}: {value}" },
  /** Between the items of a run-on line (the infos by code). */
  itemSeparator: { "zh-CN": "，", en: ", " },
  sevError: { "zh-CN": "错误", en: "error" },
  sevWarning: { "zh-CN": "警告", en: "warning" },
  sevInfo: { "zh-CN": "提示", en: "info" },

  // rules
  rulesCodes: { "zh-CN": "检查项（代码 · 级别 · 依据）", en: "Finding codes" },
  rulesKeys: { "zh-CN": "评分规则（默认值 · 依据）", en: "Rule keys (default)" },
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
  template: { "zh-CN": "写出空白标准台账", en: "Write a blank standard ledger" },
  rules: { "zh-CN": "列出全部检查项和评分规则", en: "List every check and scoring rule" },
  demo: {
    "zh-CN": "生成示例台账，校验、考评并写出结果工作簿",
    en: "Generate the sample ledger, check and score it, and write the result workbook",
  },
  sample: {
    "zh-CN": "生成示例台账文件（small 或 district 规模）",
    en: "Generate a sample ledger file (small or district size)",
  },
  asOf: { "zh-CN": "检查基准日 YYYY-MM-DD", en: "as-of date YYYY-MM-DD" },
  asOfDemo: { "zh-CN": "检查基准日", en: "as-of date" },
  json: { "zh-CN": "输出 JSON", en: "print JSON" },
  maxSize: { "zh-CN": "文件大小上限（MB），默认 100", en: "file size limit (MB), default 100" },
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
