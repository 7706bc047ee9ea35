// The rule catalogue: every finding code with its severity and the clause of the seed notice (or
// section of ledger-format.md) it enforces. What a finding says (zh-CN and en message templates) is
// user-facing text and lives in src/i18n/findings.ts, keyed by these codes.

export type Severity = "error" | "warning" | "info";

export interface CodeDef {
  severity: Severity;
  /** A second severity some cases of the code carry (e.g. missing-column of an optional column). */
  alsoSeverity?: Severity;
  clause: string;
}

const C = <T extends Record<string, CodeDef>>(t: T) => t;

export const CATALOGUE = C({
  "missing-sheet": {
    severity: "error",
    clause: "四、总体安排（一）–（四）：台账须记录承诺、点评、评议、考评",
  },
  "missing-column": {
    severity: "error",
    alsoSeverity: "info",
    clause: "ledger-format §1 表头",
  },
  "duplicate-column": {
    severity: "error",
    clause: "ledger-format §1 表头",
  },
  "unknown-column": {
    severity: "info",
    clause: "ledger-format §1 表头",
  },
  "blank-row": {
    severity: "info",
    clause: "ledger-format §1.1",
  },
  "total-row": {
    severity: "info",
    clause: "ledger-format §1.1",
  },
  "total-mismatch": {
    severity: "warning",
    clause: "ledger-format §1.1",
  },
  normalized: {
    severity: "info",
    clause: "ledger-format §1.2",
  },
  required: {
    severity: "error",
    clause: "ledger-format §2 必填列",
  },
  "type-date": {
    severity: "error",
    clause: "ledger-format §1.2 日期",
  },
  "type-number": {
    severity: "error",
    clause: "ledger-format §1.2 数字",
  },
  enum: {
    severity: "error",
    clause: "ledger-format §2 枚举值",
  },
  range: {
    severity: "error",
    clause: "ledger-format §2 取值范围",
  },
  unique: {
    severity: "error",
    clause: "ledger-format §2 唯一性",
  },
  "foreign-key": {
    severity: "error",
    clause: "ledger-format §2 引用",
  },
  "ambiguous-id": {
    severity: "error",
    clause: "ledger-format §2.7",
  },
  "category-title": {
    severity: "error",
    clause: "三、主要内容：分类确定争创载体",
  },
  "id-checksum": {
    severity: "error",
    clause: "GB 11643-1999 公民身份号码",
  },
  "id-as-number": {
    severity: "error",
    clause: "ledger-format §1.4 身份证号以数字保存",
  },
  "duplicate-id-card": {
    severity: "error",
    clause: "GB 11643-1999 公民身份号码：一人一号",
  },
  "formula-not-calculated": {
    severity: "error",
    clause: "ledger-format §1.4 公式未计算",
  },
  "id-birth": {
    severity: "warning",
    clause: "GB 11643-1999 公民身份号码",
  },
  "id-sex": {
    severity: "warning",
    clause: "GB 11643-1999 公民身份号码",
  },
  "member-count": {
    severity: "warning",
    clause: "四、总体安排：台账如实记录",
  },
  "date-order": {
    severity: "error",
    clause: "ledger-format §2 日期先后",
  },
  "date-outside-campaign": {
    severity: "error",
    clause: "四、总体安排：从2010年5月开始，到党的十八大召开前结束",
  },
  "date-outside-phase": {
    severity: "error",
    clause: "四、总体安排 三个时段",
  },
  "date-after-commendation": {
    severity: "error",
    clause: "四、总体安排 第三时段：2012年“七一”前后专项表彰",
  },
  "vote-sum": {
    severity: "error",
    clause: "四、总体安排（三）群众评议：评议结果公开",
  },
  "review-scope": {
    severity: "error",
    clause: "四、总体安排（二）领导点评：对下一级党组织进行点评",
  },
  "rule-value": {
    severity: "error",
    clause: "ledger-format §2.9",
  },
  "duplicate-across-units": {
    severity: "error",
    clause: "四、总体安排：区委汇总表彰",
  },
  "too-short": {
    severity: "warning",
    clause: "四、总体安排（一）公开承诺：提出具体打算",
  },
  "grade-mismatch": {
    severity: "warning",
    clause: "四、总体安排（三）群众评议",
  },
  "criterion-evidence": {
    severity: "warning",
    clause: "三、主要内容：五个好、五带头",
  },
  "plan-late": {
    severity: "warning",
    clause: "五、组织领导：实施方案要及时报区委领导小组",
  },
  "commitment-missing": {
    severity: "warning",
    clause: "四、总体安排（一）公开承诺",
  },
  "commitment-overdue": {
    severity: "warning",
    clause: "四、总体安排（一）公开承诺：接受监督",
  },
  "review-missing": {
    severity: "warning",
    clause: "四、总体安排（二）领导点评：区委每半年、党（工）委每季度",
  },
  "evaluation-missing": {
    severity: "warning",
    clause: "四、总体安排（三）群众评议",
  },
  "unknown-rule": {
    severity: "warning",
    clause: "ledger-format §2.9",
  },
  "report-header": {
    severity: "warning",
    clause: "五、组织领导：重要工作情况要及时报区委领导小组",
  },
  "unit-twice": {
    severity: "warning",
    clause: "五、组织领导：重要工作情况要及时报区委领导小组",
  },
  "unknown-unit": {
    severity: "warning",
    clause: "五、组织领导：各党（工）委负责本单位活动",
  },
  "org-two-units": {
    severity: "warning",
    clause: "五、组织领导：各党（工）委负责本单位活动",
  },
  "template-version": {
    severity: "warning",
    alsoSeverity: "info",
    clause: "ledger-format §1.3",
  },
  "after-as-of": {
    severity: "info",
    clause: "五、组织领导（四）强化督促检查：以检查基准日为准",
  },
});

export type FindingCode = keyof typeof CATALOGUE;
export const FINDING_CODES = Object.keys(CATALOGUE) as FindingCode[];
