// The rule catalogue: every finding code with its severity, zh-CN and en message templates, and the
// clause of the seed notice (or section of ledger-format.md) it enforces. Templates use {name}
// placeholders filled from a finding's params; each message says what to change.

export type Severity = "error" | "warning" | "info";

export interface CodeDef {
  severity: Severity;
  /** A second severity some cases of the code carry (e.g. missing-column of an optional column). */
  alsoSeverity?: Severity;
  /** Templates for the `alsoSeverity` case. */
  zhAlt?: string;
  enAlt?: string;
  zh: string;
  en: string;
  clause: string;
}

const C = <T extends Record<string, CodeDef>>(t: T) => t;

export const CATALOGUE = C({
  "missing-sheet": {
    severity: "error",
    zh: "缺少“{sheet}”表，请添加该表（可用“新建标准台账”补齐）",
    en: 'Sheet "{sheet}" is missing; add it (the standard template has it)',
    clause: "四、总体安排（一）–（四）：台账须记录承诺、点评、评议、考评",
  },
  "missing-column": {
    severity: "error",
    alsoSeverity: "info",
    zh: "“{sheet}”表缺少“{field}”列，请在表头添加该列",
    en: 'Sheet "{sheet}" has no "{field}" column; add it to the header',
    zhAlt: "“{sheet}”表没有可选列“{field}”，相关检查已跳过；如需检查请添加该列",
    enAlt: 'Sheet "{sheet}" has no optional "{field}" column; its checks were skipped',
    clause: "ledger-format §1 表头",
  },
  "duplicate-column": {
    severity: "error",
    zh: "“{field}”列出现了两次（{value}），请删除或改名其中一列",
    en: 'Column "{field}" appears twice ({value}); delete or rename one of them',
    clause: "ledger-format §1 表头",
  },
  "unknown-column": {
    severity: "info",
    zh: "“{value}”列不是台账标准列，已忽略",
    en: 'Column "{value}" is not a ledger column and was ignored',
    clause: "ledger-format §1 表头",
  },
  "blank-row": {
    severity: "info",
    zh: "第 {row} 行是空行，已跳过",
    en: "Row {row} is blank and was skipped",
    clause: "ledger-format §1.1",
  },
  "total-row": {
    severity: "info",
    zh: "第 {row} 行是“{value}”行，已跳过",
    en: 'Row {row} is a total row ("{value}") and was skipped',
    clause: "ledger-format §1.1",
  },
  "total-mismatch": {
    severity: "warning",
    zh: "合计行的“{field}”为 {value}，但上方各行之和为 {expected}，请核对",
    en: 'The total row says {value} for "{field}" but the rows above add up to {expected}; check it',
    clause: "ledger-format §1.1",
  },
  normalized: {
    severity: "info",
    zh: "“{field}”的值“{value}”按“{fix}”读取，建议改为“{fix}”",
    en: 'The {field} value "{value}" was read as "{fix}"; consider writing "{fix}"',
    clause: "ledger-format §1.2",
  },
  required: {
    severity: "error",
    zh: "“{field}”不能为空，请填写",
    en: "{field} must not be blank; fill it in",
    clause: "ledger-format §2 必填列",
  },
  "type-date": {
    severity: "error",
    zh: "“{field}”的“{value}”不是有效日期，请填写如 2011-06-20 的日期",
    en: 'The {field} "{value}" is not a valid date; write a date such as 2011-06-20',
    clause: "ledger-format §1.2 日期",
  },
  "type-number": {
    severity: "error",
    zh: "“{field}”的“{value}”不是整数，请填写整数",
    en: 'The {field} "{value}" is not a whole number; write a whole number',
    clause: "ledger-format §1.2 数字",
  },
  enum: {
    severity: "error",
    zh: "“{field}”的“{value}”不在可选值内，请改为：{expected}",
    en: 'The {field} "{value}" is not allowed; use one of: {expected}',
    clause: "ledger-format §2 枚举值",
  },
  range: {
    severity: "error",
    zh: "“{field}”的 {value} 超出范围，应为 {expected}",
    en: "The {field} {value} is out of range; it must be {expected}",
    clause: "ledger-format §2 取值范围",
  },
  unique: {
    severity: "error",
    zh: "“{field}”的“{value}”与第 {other} 行重复，请改为唯一的值或删除重复行",
    en: 'The {field} "{value}" repeats row {other}; make it unique or delete the duplicate row',
    clause: "ledger-format §2 唯一性",
  },
  "foreign-key": {
    severity: "error",
    zh: "“{field}”的“{value}”在“{expected}”表中找不到，请核对编号",
    en: 'The {field} "{value}" is not found in sheet "{expected}"; check the ID',
    clause: "ledger-format §2 引用",
  },
  "ambiguous-id": {
    severity: "error",
    zh: "编号“{value}”既是组织编号又是党员编号，请给其中一个改用不同的编号",
    en: 'ID "{value}" is both an organisation ID and a member ID; give one of them another ID',
    clause: "ledger-format §2.7",
  },
  "category-title": {
    severity: "error",
    zh: "组织类别“{other}”应争创“{expected}”，不是“{value}”，请改正争创载体",
    en: 'An organisation of category "{other}" competes as "{expected}", not "{value}"; correct the title',
    clause: "三、主要内容：分类确定争创载体",
  },
  "id-checksum": {
    severity: "error",
    zh: "身份证号“{value}”{expected}，请核对后重新填写（以文本格式录入）",
    en: 'ID card number "{value}" {expected}; check it and re-enter it as text',
    clause: "GB 11643-1999 公民身份号码",
  },
  "id-birth": {
    severity: "warning",
    zh: "身份证号中的出生日期 {expected} 与“出生日期”{value} 不一致，请核对",
    en: "The birth date in the ID card number ({expected}) differs from the birth date {value}; check them",
    clause: "GB 11643-1999 公民身份号码",
  },
  "id-sex": {
    severity: "warning",
    zh: "身份证号显示性别为“{expected}”，与填写的“{value}”不一致，请核对",
    en: 'The ID card number indicates "{expected}" but the sex is "{value}"; check them',
    clause: "GB 11643-1999 公民身份号码",
  },
  "member-count": {
    severity: "warning",
    zh: "党员人数填 {value}，但“党员”表中有 {expected} 名该组织的党员，请核对",
    en: "The member count says {value} but the member sheet lists {expected} members of this organisation",
    clause: "四、总体安排：台账如实记录",
  },
  "date-order": {
    severity: "error",
    zh: "“{field}”{value} 应{expected}，请核对日期",
    en: "The {field} {value} must be {expected}; check the date",
    clause: "ledger-format §2 日期先后",
  },
  "date-outside-campaign": {
    severity: "error",
    zh: "“{field}”{value} 不在活动期间（{expected}），请核对日期",
    en: "The {field} {value} is outside the campaign ({expected}); check the date",
    clause: "四、总体安排：从2010年5月开始，到党的十八大召开前结束",
  },
  "date-outside-phase": {
    severity: "error",
    zh: "{period}的考评日期 {value} 不在该时段（{expected}）内，请核对日期或时段",
    en: "The evaluation date {value} is outside {period} ({expected}); check the date or the phase",
    clause: "四、总体安排 三个时段",
  },
  "date-after-commendation": {
    severity: "error",
    zh: "第三时段考评日期 {value} 晚于表彰截止日 {expected}，不能用于 2012 年“七一”专项表彰，请核对",
    en: "The phase-3 evaluation date {value} is after the commendation cut-off {expected}; check it",
    clause: "四、总体安排 第三时段：2012年“七一”前后专项表彰",
  },
  "vote-sum": {
    severity: "error",
    zh: "好、较好、一般、差票数之和为 {expected}，与参评人数 {value} 不符，请核对票数",
    en: "The votes add up to {expected} but the number of voters is {value}; check the counts",
    clause: "四、总体安排（三）群众评议：评议结果公开",
  },
  "review-scope": {
    severity: "error",
    zh: "“{value}”不属于点评单位“{expected}”，党（工）委只能点评下一级党组织，请核对",
    en: '"{value}" does not belong to the reviewing unit "{expected}"; a unit reviews only its own organisations',
    clause: "四、总体安排（二）领导点评：对下一级党组织进行点评",
  },
  "rule-value": {
    severity: "error",
    zh: "评分规则“{field}”的值“{value}”无法读取，应为{expected}；请改正后再考评（不会自动改用默认值）",
    en: 'Rule "{field}" has an unreadable value "{value}"; it must be {expected}. Fix it before scoring (the default is not used silently)',
    clause: "ledger-format §2.9",
  },
  "duplicate-across-units": {
    severity: "error",
    zh: "{field}“{value}”也出现在{other}，同一党员只能由一个单位登记；请两单位核对后删除多余的一处",
    en: 'The {field} "{value}" also appears in {otherEn}; a member is registered by one unit only — agree which and delete the other',
    clause: "四、总体安排：区委汇总表彰",
  },
  "too-short": {
    severity: "warning",
    zh: "承诺事项“{value}”过于简短，请写明具体承诺内容（至少 4 个字）",
    en: 'The commitment "{value}" is too short; state it concretely (at least 4 characters)',
    clause: "四、总体安排（一）公开承诺：提出具体打算",
  },
  "grade-mismatch": {
    severity: "warning",
    zh: "评议等次填“{value}”，但好评率 {other} 对应“{expected}”，请核对",
    en: 'The grade says "{value}" but the approval rate {other} gives "{expected}"; check it',
    clause: "四、总体安排（三）群众评议",
  },
  "criterion-evidence": {
    severity: "warning",
    zh: "“{field}”评为“{value}”，但{expected}，请核对评定",
    en: 'The {field} is rated "{value}" but {expected}; check the rating',
    clause: "三、主要内容：五个好、五带头",
  },
  "plan-late": {
    severity: "warning",
    zh: "实施方案报送日期{value}，晚于报送期限 {expected} 或未填写，请核对",
    en: "The plan was submitted {value}, after the deadline {expected} or not recorded; check it",
    clause: "五、组织领导：实施方案要及时报区委领导小组",
  },
  "commitment-missing": {
    severity: "warning",
    zh: "“{object}”在{when}没有公开承诺记录，请补录承诺",
    en: '"{object}" has no public commitment in {whenEn}; record one',
    clause: "四、总体安排（一）公开承诺",
  },
  "commitment-overdue": {
    severity: "warning",
    zh: "承诺完成时限 {value} 已过但尚未完成，请更新完成情况或说明原因",
    en: "The commitment was due {value} and is not completed; update its status",
    clause: "四、总体安排（一）公开承诺：接受监督",
  },
  "review-missing": {
    severity: "warning",
    zh: "“{object}”在 {period} 没有{expected}点评记录，请补录或安排点评",
    en: '"{object}" has no review by {expected} in {period}; record or schedule one',
    clause: "四、总体安排（二）领导点评：区委每半年、党（工）委每季度",
  },
  "evaluation-missing": {
    severity: "warning",
    zh: "“{object}”在 {period} 年没有群众评议记录，请补录",
    en: '"{object}" has no public evaluation in {period}; record one',
    clause: "四、总体安排（三）群众评议",
  },
  "unknown-rule": {
    severity: "warning",
    zh: "评分规则“{value}”不是已知规则，已忽略，请核对名称",
    en: 'Rule "{value}" is unknown and was ignored; check its name',
    clause: "ledger-format §2.9",
  },
  "report-header": {
    severity: "warning",
    zh: "填报信息缺少“{field}”{detail}，请在“填报信息”表补填",
    en: "The cover sheet lacks {field}{detailEn}; fill it in on the 填报信息 sheet",
    clause: "五、组织领导：重要工作情况要及时报区委领导小组",
  },
  "unit-twice": {
    severity: "warning",
    zh: "本单位另报送了“{other}”（报出时间 {otherTime}），以较晚的那份为准，本文件不参加汇总；如需以本文件为准，请重新报送并更新报出时间",
    en: 'This unit also submitted "{other}" (reported {otherTimeEn}); the later one counts and this file is not compiled. To use this file, submit it again with a new 报出时间',
    clause: "五、组织领导：重要工作情况要及时报区委领导小组",
  },
  "unknown-unit": {
    severity: "warning",
    zh: "报送单位“{value}”不在全区单位名单中，请把填报单位改为名单上的单位名称或单位编号",
    en: 'The submitting unit "{value}" is not on the district\'s list of units; write its name or 单位编号 as on the list',
    clause: "五、组织领导：各党（工）委负责本单位活动",
  },
  "org-two-units": {
    severity: "warning",
    zh: "组织编号“{value}”也由{other}报送，一个基层党组织只能属于一个党（工）委；请两单位核对，由所属单位保留、另一单位删除",
    en: 'Organisation "{value}" is also submitted by {otherEn}; an organisation belongs to one unit — keep it in its own unit\'s ledger only',
    clause: "五、组织领导：各党（工）委负责本单位活动",
  },
  "template-version": {
    severity: "warning",
    alsoSeverity: "info",
    zh: "台账模板版本“{value}”已过时或无法识别（当前为 {expected}），建议用“新建标准台账”核对表头",
    en: 'Template version "{value}" is outdated or unknown (current: {expected}); compare with a new standard ledger',
    zhAlt: "本台账不是由标准模板（{expected} 版）制作，已按表名和表头识别各表",
    enAlt:
      "This ledger was not made from the standard template ({expected}); sheets were found by name and header",
    clause: "ledger-format §1.3",
  },
});

export type FindingCode = keyof typeof CATALOGUE;
export const FINDING_CODES = Object.keys(CATALOGUE) as FindingCode[];

export function renderTemplate(tpl: string, params: Record<string, string | number | undefined>): string {
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === undefined ? "" : String(v);
  });
}
