// Finding messages (ledger-format.md §3), zh-CN and en, keyed by the engine's finding codes. The
// engine keeps what a code is (severity, clause: src/engine/catalogue.ts); what it says lives here.
// Templates use {name} placeholders filled from the finding (sheet, field, value, object, period, fix)
// and its params; each message says what to change. A new code needs an entry in FINDING_TEXTS (the
// type checks it) and, if it has an `alsoSeverity`, one in FINDING_ALT_TEXTS.
import { CATALOGUE, type FindingCode, type Severity } from "../engine/catalogue";
import type { Finding } from "../engine/findings";
import { type Lang, type Params, type Text, render, textOf } from "./text";

export const FINDING_TEXTS = textOf<FindingCode>({
  "missing-sheet": {
    "zh-CN": "缺少“{sheet}”表，请添加该表（可用“新建标准台账”补齐）",
    en: 'Sheet "{sheet}" is missing; add it (the standard template has it)',
  },
  "missing-column": {
    "zh-CN": "“{sheet}”表缺少“{field}”列，请在表头添加该列",
    en: 'Sheet "{sheet}" has no "{field}" column; add it to the header',
  },
  "duplicate-column": {
    "zh-CN": "“{field}”列出现了两次（{value}），请删除或改名其中一列",
    en: 'Column "{field}" appears twice ({value}); delete or rename one of them',
  },
  "unknown-column": {
    "zh-CN": "“{value}”列不是台账标准列，已忽略",
    en: 'Column "{value}" is not a ledger column and was ignored',
  },
  "blank-row": {
    "zh-CN": "{rows}是空行，已跳过",
    en: "{rows} blank and skipped",
  },
  "total-row": {
    "zh-CN": "第{row}行是“{value}”行，已跳过",
    en: 'Row {row} is a total row ("{value}") and was skipped',
  },
  "total-mismatch": {
    "zh-CN": "合计行的“{field}”为{value}，但上方各行之和为{expected}，请核对",
    en: 'The total row says {value} for "{field}" but the rows above add up to {expected}; check it',
  },
  normalized: {
    "zh-CN": "“{field}”的值“{value}”按“{fix}”读取，建议改为“{fix}”",
    en: 'The {field} value "{value}" was read as "{fix}"; consider writing "{fix}"',
  },
  required: {
    "zh-CN": "“{field}”不能为空，请填写",
    en: "{field} must not be blank; fill it in",
  },
  "type-date": {
    "zh-CN": "“{field}”的“{value}”不是有效日期，请填写日期，如“2011-06-20”",
    en: 'The {field} "{value}" is not a valid date; write a date such as 2011-06-20',
  },
  "type-number": {
    "zh-CN": "“{field}”的“{value}”不是整数，请填写整数",
    en: 'The {field} "{value}" is not a whole number; write a whole number',
  },
  enum: {
    "zh-CN": "“{field}”的“{value}”不在可选值内，请改为：{expected}",
    en: 'The {field} "{value}" is not allowed; use one of: {expected}',
  },
  range: {
    "zh-CN": "“{field}”的值{value}超出范围，应为{expected}",
    en: "The {field} {value} is out of range; it must be {expected}",
  },
  unique: {
    "zh-CN": "“{field}”的“{value}”与第{other}行重复，请改为唯一的值或删除重复行",
    en: 'The {field} "{value}" repeats row {other}; make it unique or delete the duplicate row',
  },
  "foreign-key": {
    "zh-CN": "“{field}”的“{value}”在“{expected}”表中找不到，请核对编号",
    en: 'The {field} "{value}" is not found in sheet "{expected}"; check the ID',
  },
  "ambiguous-id": {
    "zh-CN": "编号“{value}”既是组织编号又是党员编号，请给其中一个改用不同的编号",
    en: 'ID "{value}" is both an organisation ID and a member ID; give one of them another ID',
  },
  "category-title": {
    "zh-CN": "组织类别“{other}”应争创“{expected}”，不是“{value}”，请改正争创载体",
    en: 'An organisation of category "{other}" competes as "{expected}", not "{value}"; correct the title',
  },
  "id-checksum": {
    "zh-CN": "身份证号“{value}”{expected}，请核对后重新填写（以文本格式录入）",
    en: 'ID card number "{value}" {expected}; check it and re-enter it as text',
  },
  "id-as-number": {
    "zh-CN": "身份证号“{value}”以数字形式保存，末尾数字已丢失；请把该列设为文本后重新录入",
    en: 'ID card number "{value}" is stored as a number and its last digits are lost; format the column as text and re-enter it',
  },
  "duplicate-id-card": {
    "zh-CN":
      "身份证号“{value}”与本表{other}单元格的身份证号重复，同一身份证号只能登记一名党员；请核对后改正其中一处",
    en: 'ID card number "{value}" is the same as in {other}; one ID card number belongs to one member — correct one of them',
  },
  "formula-not-calculated": {
    "zh-CN":
      "“{field}”列有{count}个公式单元格没有保存计算结果（文件由不计算公式的程序生成），无法检查；请用 Excel 或 WPS 打开并保存该文件后重新检查",
    en: 'The "{field}" column has {count} formula cells saved without their results (written by a program that does not calculate) and cannot be checked; open and save the file in Excel or WPS, then check again',
  },
  "id-birth": {
    "zh-CN": "身份证号中的出生日期{expected}与“出生日期”{value}不一致，请核对",
    en: "The birth date in the ID card number ({expected}) differs from the birth date {value}; check them",
  },
  "id-sex": {
    "zh-CN": "身份证号显示性别为“{expected}”，与填写的“{value}”不一致，请核对",
    en: 'The ID card number indicates "{expected}" but the sex is "{value}"; check them',
  },
  "member-count": {
    "zh-CN": "党员人数填{value}，但“党员”表中该组织有党员{expected}名，请核对",
    en: "The member count says {value} but the member sheet lists {expected} members of this organisation",
  },
  "date-order": {
    "zh-CN": "“{field}”{value}应{expected}，请核对日期",
    en: "The {field} {value} must be {expected}; check the date",
  },
  "date-outside-campaign": {
    "zh-CN": "“{field}”{value}不在活动期间（{expected}）内，请核对日期",
    en: "The {field} {value} is outside the campaign ({expected}); check the date",
  },
  "date-outside-phase": {
    "zh-CN": "{period}的考评日期{value}不在该时段（{expected}）内，请核对日期或时段",
    en: "The evaluation date {value} is outside {period} ({expected}); check the date or the phase",
  },
  "date-after-commendation": {
    "zh-CN": "第三时段考评日期{value}晚于表彰截止日{expected}，不能用于2012年“七一”专项表彰，请核对",
    en: "The phase-3 evaluation date {value} is after the commendation cut-off {expected}; check it",
  },
  "vote-sum": {
    "zh-CN": "好、较好、一般、差票数之和为{expected}，与参评人数{value}不符，请核对票数",
    en: "The votes add up to {expected} but the number of voters is {value}; check the counts",
  },
  "review-scope": {
    "zh-CN": "“{value}”不属于点评单位“{expected}”，党（工）委只能点评下一级党组织，请核对",
    en: '"{value}" does not belong to the reviewing unit "{expected}"; a unit reviews only its own organisations',
  },
  "rule-value": {
    "zh-CN": "评分规则“{field}”的值“{value}”无法读取，应为{expected}；请改正后再考评（不会自动改用默认值）",
    en: 'Rule "{field}" has an unreadable value "{value}"; it must be {expected}. Fix it before scoring (the default is not used silently)',
  },
  "too-short": {
    "zh-CN": "承诺事项“{value}”过于简短，请写明具体承诺内容（至少4个字）",
    en: 'The commitment "{value}" is too short; state it concretely (at least 4 characters)',
  },
  "grade-mismatch": {
    "zh-CN": "评议等次填“{value}”，但好评率{other}对应“{expected}”，请核对",
    en: 'The grade says "{value}" but the approval rate {other} gives "{expected}"; check it',
  },
  "criterion-evidence": {
    "zh-CN": "“{field}”评为{rating}，但{expected}，请核对评定",
    en: "The {field} is rated {rating} but {expected}; check the rating",
  },
  "plan-late": {
    "zh-CN": "实施方案{when}",
    en: "The implementation plan {when}",
  },
  "commitment-missing": {
    "zh-CN": "“{object}”在{when}没有公开承诺记录，请补录承诺",
    en: '"{object}" has no public commitment in {when}; record one',
  },
  "commitment-overdue": {
    "zh-CN": "承诺完成时限{value}已过但尚未完成，请更新完成情况或说明原因",
    en: "The commitment was due {value} and is not completed; update its status",
  },
  "review-missing": {
    "zh-CN": "“{object}”在{when}没有{expected}点评记录，请补录或安排点评",
    en: '"{object}" has no review by {expected} in {when}; record or schedule one',
  },
  "evaluation-missing": {
    "zh-CN": "“{object}”在{period}年没有群众评议记录，请补录",
    en: '"{object}" has no public evaluation in {period}; record one',
  },
  "unknown-rule": {
    "zh-CN": "评分规则“{value}”不是已知规则，已忽略，请核对名称",
    en: 'Rule "{value}" is unknown and was ignored; check its name',
  },
  "duplicate-across-units": {
    "zh-CN": "{field}“{value}”也出现在{other}，同一党员只能由一个单位登记；请两单位核对后删除多余的一处",
    en: 'The {field} "{value}" also appears in {other}; a member is registered by one unit only — agree which and delete the other',
  },
  "report-header": {
    "zh-CN": "填报信息缺少“{field}”{detail}，请在“填报信息”表补填",
    en: "The cover sheet lacks {field}{detail}; fill it in on the 填报信息 sheet",
  },
  "unit-twice": {
    "zh-CN":
      "本单位另报送了“{other}”（报出时间：{otherTime}），以较晚的那份为准，本文件不参加汇总；如需以本文件为准，请重新报送并更新报出时间",
    en: 'This unit also submitted "{other}" (reported {otherTime}); the later one counts and this file is not compiled. To use this file, submit it again with a new 报出时间',
  },
  "unknown-unit": {
    "zh-CN": "报送单位“{value}”不在全区单位名单中，请把填报单位改为名单上的单位名称或单位编号",
    en: 'The submitting unit "{value}" is not on the district\'s list of units; write its name or 单位编号 as on the list',
  },
  "org-two-units": {
    "zh-CN":
      "组织编号“{value}”也由{other}报送，一个基层党组织只能属于一个党（工）委；请两单位核对，由所属单位保留、另一单位删除",
    en: 'Organisation "{value}" is also submitted by {other}; an organisation belongs to one unit — keep it in its own unit\'s ledger only',
  },
  "template-version": {
    "zh-CN": "台账模板版本“{value}”已过时或无法识别（当前版本为{expected}），建议用“新建标准台账”核对表头",
    en: 'Template version "{value}" is outdated or unknown (current: {expected}); compare with a new standard ledger',
  },
  "after-as-of": {
    "zh-CN":
      "本表有{n}条记录的“{field}”晚于检查基准日{expected}（第一条在此），按基准日当天尚无这些记录处理，未计入得分、好评率、覆盖情况和表彰名单；如需计入，请把检查基准日改为更晚的日期",
    en: "{n} records of this sheet have a {field} after the check date {expected} (the first is here); they did not exist yet on that day and are left out of scores, approval, coverage and lists. To count them, set a later check date",
  },
});

/** The codes that have a second severity (e.g. missing-column of an optional column → info). */
type AltCode = {
  [K in FindingCode]: (typeof CATALOGUE)[K] extends { alsoSeverity: Severity } ? K : never;
}[FindingCode];

/** The message of a code's `alsoSeverity` case. */
export const FINDING_ALT_TEXTS = textOf<AltCode>({
  "missing-column": {
    "zh-CN": "“{sheet}”表没有可选列“{field}”，相关检查已跳过；如需检查请添加该列",
    en: 'Sheet "{sheet}" has no optional "{field}" column; its checks were skipped',
  },
  "template-version": {
    "zh-CN": "本台账不是由标准模板（{expected}版）制作，已按表名和表头识别各表",
    en: "This ledger was not made from the standard template ({expected}); sheets were found by name and header",
  },
});

/** 校验结果's summary row for the findings of one code and sheet beyond its row cap (§1.4). */
export const FINDINGS_NOT_LISTED: Text = {
  "zh-CN":
    "另有{count}条“{code}”未逐条列出（校验结果表最多列出{max}行；完整清单见命令行 --json 输出），请先改正已列出的问题后重新校验",
  en: '{count} more "{code}" findings are not listed (校验结果 lists at most {max} rows; --json on the command line gives them all); correct the listed ones and check again',
};

/** The rows of a `blank-row` run: one row, or the first and last with the count. */
export const BLANK_ROWS = textOf({
  one: { "zh-CN": "第{row}行", en: "Row {row} is" },
  run: { "zh-CN": "第{row}–{last}行（共{count}行）", en: "Rows {row}–{last} ({count} rows) are" },
});

/** Parts of messages a finding's params select (they differ by language beyond a translation). */
export const COMMITMENT_WINDOW = textOf({
  phase1: { "zh-CN": "第一时段", en: "phase 1" },
  newMember: {
    "zh-CN": "入党后{days}天内（至{until}）",
    en: "the {days} days after joining (until {until})",
  },
});

/** A criterion's rating: a score is written `评为19分`, a word `评为“好”`. */
export const RATING = textOf({
  score: { "zh-CN": "{value}分", en: "{value} points" },
  word: { "zh-CN": "“{value}”", en: '"{value}"' },
});

/** What plan-late says: a date after the deadline, or no date once the deadline has passed. */
export const PLAN_LATE = textOf({
  dated: {
    "zh-CN": "报送日期{value}晚于报送期限{expected}，请核对",
    en: "was submitted {value}, after the deadline {expected}; check it",
  },
  undated: {
    "zh-CN": "报送日期未填写，而报送期限{expected}已过；已报送的，请填写报送日期",
    en: "has no submission date and the deadline {expected} has passed; if it was submitted, record the date",
  },
});

/** A review period in words: `2011Q1` → 2011年第一季度, `2011H2` → 2011年下半年. */
export const PERIOD_WORDS = textOf({
  Q1: { "zh-CN": "{year}年第一季度", en: "Q1 {year}" },
  Q2: { "zh-CN": "{year}年第二季度", en: "Q2 {year}" },
  Q3: { "zh-CN": "{year}年第三季度", en: "Q3 {year}" },
  Q4: { "zh-CN": "{year}年第四季度", en: "Q4 {year}" },
  H1: { "zh-CN": "{year}年上半年", en: "the first half of {year}" },
  H2: { "zh-CN": "{year}年下半年", en: "the second half of {year}" },
  Y: { "zh-CN": "{year}年", en: "{year}" },
});

export function periodInWords(period: string, lang: Lang): string {
  const m = /^(\d{4})(Q[1-4]|H[12])?$/.exec(period);
  return m ? render(PERIOD_WORDS[(m[2] ?? "Y") as keyof typeof PERIOD_WORDS], lang, { year: m[1] }) : period;
}

/** Params a message derives from the finding's own ones, in the message's language. */
/** The English form of a param the district compilation writes twice (`other` and `otherEn`, …). */
const english =
  (...keys: string[]) =>
  (p: Params, lang: Lang): Params =>
    lang === "en" ? Object.fromEntries(keys.map((k) => [k, p[`${k}En`] ?? p[k]])) : {};

const DERIVED: Partial<Record<FindingCode, (p: Params, lang: Lang) => Params>> = {
  "duplicate-across-units": english("other"),
  "org-two-units": english("other"),
  "unit-twice": english("otherTime"),
  "report-header": english("detail"),
  "criterion-evidence": (p, lang) => ({
    rating: render(/^\d+(\.\d+)?$/.test(String(p.value)) ? RATING.score : RATING.word, lang, p),
  }),
  "review-missing": (p, lang) => ({ when: periodInWords(String(p.period ?? ""), lang) }),
  "plan-late": (p, lang) => ({
    when: render(p.undated === undefined ? PLAN_LATE.dated : PLAN_LATE.undated, lang, p),
  }),
  "blank-row": (p, lang) => {
    const count = Number(p.count ?? 1);
    const last = Number(p.row) + count - 1;
    return { rows: render(count > 1 ? BLANK_ROWS.run : BLANK_ROWS.one, lang, { ...p, last }) };
  },
  "commitment-missing": (p, lang) => ({
    when: render(p.days === undefined ? COMMITMENT_WINDOW.phase1 : COMMITMENT_WINDOW.newMember, lang, p),
  }),
};

/** The template a finding is rendered from: its code's, or the alternative one at `alsoSeverity`. */
export function templateOf(f: Pick<Finding, "code" | "severity">): Text {
  const alt = f.severity !== CATALOGUE[f.code].severity;
  return (alt && (FINDING_ALT_TEXTS as Partial<Record<FindingCode, Text>>)[f.code]) || FINDING_TEXTS[f.code];
}

/** The finding's own placeholder values (sheet, field, value, …, and its params). */
function ownParams(f: Finding): Params {
  return {
    sheet: f.sheet ?? "",
    field: f.field,
    value: f.value === null || f.value === undefined ? "" : String(f.value),
    object: f.object,
    period: f.period,
    fix: f.fix === null || f.fix === undefined ? "" : String(f.fix),
    ...f.params,
  };
}

/** The placeholder values a message derives from the finding's own ones (none for most codes). */
export function derivedParams(f: Finding, lang: Lang): Params {
  const derive = DERIVED[f.code];
  return derive ? derive(ownParams(f), lang) : {};
}

/** Every placeholder value of a finding's message in one language. */
export function messageParams(f: Finding, lang: Lang): Params {
  return { ...ownParams(f), ...derivedParams(f, lang) };
}

/** The message of a finding in the given language. */
export function messageOf(f: Finding, lang: Lang = "zh-CN"): string {
  return render(templateOf(f), lang, messageParams(f, lang));
}
