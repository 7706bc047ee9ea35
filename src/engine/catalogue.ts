// The rule catalogue: every finding code with its severity and the clause of the seed notice (the
// 2010 《实施意见》, spec/seed-notice.txt) it enforces or, for a technical check, the clause its data
// serves (docs/decisions.md, "Clauses"). What a finding says (zh-CN and en message templates) is
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
    clause: "《实施意见》四（一）至（四）公开承诺、领导点评、群众评议、评选表彰",
  },
  "missing-column": {
    severity: "error",
    alsoSeverity: "info",
    clause: "《实施意见》四（一）至（四）公开承诺、领导点评、群众评议、评选表彰",
  },
  "duplicate-column": {
    severity: "error",
    clause: "《实施意见》四（一）至（四）公开承诺、领导点评、群众评议、评选表彰",
  },
  "unknown-column": {
    severity: "info",
    clause: "《实施意见》四（一）至（四）公开承诺、领导点评、群众评议、评选表彰",
  },
  "blank-row": {
    severity: "info",
    clause: "《实施意见》四（一）至（四）公开承诺、领导点评、群众评议、评选表彰",
  },
  "total-row": {
    severity: "info",
    clause: "《实施意见》四（一）至（四）公开承诺、领导点评、群众评议、评选表彰",
  },
  "total-mismatch": {
    severity: "warning",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  normalized: {
    severity: "info",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  required: {
    severity: "error",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  "type-date": {
    severity: "error",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  "type-number": {
    severity: "error",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  enum: {
    severity: "error",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  range: {
    severity: "error",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  unique: {
    severity: "error",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  "foreign-key": {
    severity: "error",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  "ambiguous-id": {
    severity: "error",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  "category-title": {
    severity: "error",
    clause: "《实施意见》三、主要内容：实施分类指导，科学确定主题和载体",
  },
  "id-checksum": {
    severity: "error",
    clause: "《实施意见》四（四）评选表彰（身份证号按GB 11643—1999校验）",
  },
  "id-as-number": {
    severity: "error",
    clause: "《实施意见》四（四）评选表彰（身份证号按GB 11643—1999校验）",
  },
  "duplicate-id-card": {
    severity: "error",
    clause: "《实施意见》四（四）评选表彰（身份证号按GB 11643—1999校验，一人一号）",
  },
  "formula-not-calculated": {
    severity: "error",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  "id-birth": {
    severity: "warning",
    clause: "《实施意见》四（四）评选表彰（身份证号按GB 11643—1999校验）",
  },
  "id-sex": {
    severity: "warning",
    clause: "《实施意见》四（四）评选表彰（身份证号按GB 11643—1999校验）",
  },
  "member-count": {
    severity: "warning",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  "date-order": {
    severity: "error",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
  "date-outside-campaign": {
    severity: "error",
    clause: "《实施意见》四、总体安排：从2010年5月开始，到党的十八大召开前结束",
  },
  "date-outside-phase": {
    severity: "error",
    clause: "《实施意见》四、总体安排：分三个时段进行",
  },
  "date-after-commendation": {
    severity: "error",
    clause: "《实施意见》四、总体安排：第三时段，2012年“七一”前后区委专项表彰",
  },
  "vote-sum": {
    severity: "error",
    clause: "《实施意见》四（三）群众评议：评议结果在一定范围内公开",
  },
  "review-scope": {
    severity: "error",
    clause: "《实施意见》四（二）领导点评：各单位党（工）委主要负责人每季度对下一级党组织进行一次集中点评",
  },
  "rule-value": {
    severity: "error",
    clause: "《实施意见》四（四）评选表彰：注重工作实绩和社会公认度",
  },
  "duplicate-across-units": {
    severity: "error",
    clause: "《实施意见》五（一）落实领导责任：组织领导按照党组织隶属关系确定",
  },
  "too-short": {
    severity: "warning",
    clause: "《实施意见》四（一）公开承诺：党员提出参加活动的具体打算",
  },
  "grade-mismatch": {
    severity: "warning",
    clause: "《实施意见》四（三）群众评议",
  },
  "criterion-evidence": {
    severity: "warning",
    clause: "《实施意见》三、主要内容：“五个好”“五带头”",
  },
  "plan-late": {
    severity: "warning",
    clause: "《实施意见》五、组织领导：实施方案和重要工作情况要及时报区委领导小组",
  },
  "commitment-missing": {
    severity: "warning",
    clause: "《实施意见》四（一）公开承诺",
  },
  "commitment-overdue": {
    severity: "warning",
    clause: "《实施意见》四（一）公开承诺：作出承诺，接受监督",
  },
  "review-missing": {
    severity: "warning",
    clause: "《实施意见》四（二）领导点评：区委领导每半年、各单位党（工）委主要负责人每季度集中点评一次",
  },
  "evaluation-missing": {
    severity: "warning",
    clause: "《实施意见》四（三）群众评议",
  },
  "unknown-rule": {
    severity: "warning",
    clause: "《实施意见》四（四）评选表彰：注重工作实绩和社会公认度",
  },
  "report-header": {
    severity: "warning",
    clause: "《实施意见》五、组织领导：实施方案和重要工作情况要及时报区委领导小组",
  },
  "unit-twice": {
    severity: "warning",
    clause: "《实施意见》五、组织领导：实施方案和重要工作情况要及时报区委领导小组",
  },
  "unknown-unit": {
    severity: "warning",
    clause: "《实施意见》五（一）落实领导责任：组织领导按照党组织隶属关系确定",
  },
  "org-two-units": {
    severity: "warning",
    clause: "《实施意见》五（一）落实领导责任：组织领导按照党组织隶属关系确定",
  },
  "template-version": {
    severity: "warning",
    alsoSeverity: "info",
    clause: "《实施意见》四（一）至（四）公开承诺、领导点评、群众评议、评选表彰",
  },
  "after-as-of": {
    severity: "info",
    clause: "《实施意见》五（四）强化督促检查：了解活动进展情况",
  },
});

export type FindingCode = keyof typeof CATALOGUE;
export const FINDING_CODES = Object.keys(CATALOGUE) as FindingCode[];
