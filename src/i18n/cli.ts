// CLI texts, zh-CN first (the default) and en. Finding messages live in the engine's catalogue.
import type { Lang } from "../engine/findings";
import { renderTemplate } from "../engine/catalogue";

const TEXTS = {
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
  // compile
  compileHead: {
    "zh-CN": "全区汇总：收到{n}个文件    检查基准日：{asOf}",
    en: "District compilation: {n} files received    As of: {asOf}",
  },
  compileCounts: {
    "zh-CN": "合格 {accepted} · 退回修改 {returned} · 已替代 {superseded}",
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
  compileSuperseded: { "zh-CN": "已替代：", en: "Superseded:" },
  compileCross: { "zh-CN": "跨单位问题 {n} 条：", en: "{n} findings across units:" },
  compileWarnings: {
    "zh-CN": "合格文件的警告 {n} 条（见“校验结果”表）",
    en: "{n} warnings in accepted files (sheet 校验结果)",
  },
  compileNotices: { "zh-CN": "退回修改通知 {n} 份：{folder}", en: "{n} return notices: {folder}" },
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
} as const;

export type TextKey = keyof typeof TEXTS;

export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return renderTemplate(TEXTS[key][lang], params);
}
