// The district compilation's data (ledger-format.md §8): what a host hands in per submitted file,
// what the engine makes of each file, and the compiled district. Pure data, no host types.
import type { Analysis } from "../analyze";
import type { RuleKey, Rules } from "../campaign";
import type { CoverItem } from "../cover";
import type { Day } from "../dates";
import type { Evaluation } from "../evaluate";
import type { Finding } from "../findings";
import type { Severity } from "../catalogue";
import type { Workbook } from "../grid";

/** One submitted file as the host read it. */
export interface SubmissionInput {
  /** The file's name or path as the clerk gave it: shown everywhere and named in findings. */
  file: string;
  /** Last modification time (ms since 1970-01-01 UTC), when known: breaks a tie of 报出时间. */
  modifiedAt?: number;
  /** The workbook, when the host could read the file. */
  workbook?: Workbook;
  /** Why the host could not read it: one line in the clerk's language (missing, corrupt, .xls, …). */
  unusable?: string;
}

export interface CompileOptions {
  /** `--as-of`; else the units workbook's `评分规则` row; else today (capped at 第三时段结束). */
  asOf?: Day;
  /** Today, for the default as-of (injected for tests). */
  today?: Day;
  /** The district's own workbook (`--units`): its 党（工）委 sheet is the unit list, its 评分规则 the rules. */
  units?: Workbook;
}

/** A 党（工）委 of the district's unit list. */
export interface DistrictUnit {
  readonly id: string;
  readonly name?: string;
}

/** What every submission is checked against: one as-of date, one set of rules, one unit list. */
export interface District {
  readonly asOf: Day;
  readonly rules: Rules;
  /** Rule keys of the units workbook's `评分规则` that could not be read: nothing is scored then. */
  readonly brokenRules: readonly RuleKey[];
  /** The `--units` workbook's 党（工）委 sheet; undefined: the union of the submissions' units. */
  readonly units?: readonly DistrictUnit[];
  /** Findings about the units workbook itself (its rules, a missing 党（工）委 sheet). */
  readonly findings: readonly Finding[];
}

/** What each submission is checked against on its own: the district's 检查基准日 and rules (plain data). */
export type DistrictRules = Pick<District, "asOf" | "rules" | "brokenRules">;

/** Why a submission cannot be compiled at all. */
export type Unusable = { kind: "file"; text: string } | { kind: "not-ledger" };

/** The 填报信息 items of a submission and where they are. */
export interface ReportHeader {
  /** The cover sheet's name, or null when the workbook has none. */
  readonly sheet: string | null;
  readonly items: ReadonlyMap<string, CoverItem>;
  /** 报出时间 as a day number with the time of day as its fraction. */
  readonly reportedAt?: number;
}

/** One file read and validated on its own (ledger-format.md §1–§3), before the district is compiled. */
export interface CheckedSubmission {
  readonly file: string;
  readonly modifiedAt?: number;
  readonly unusable?: Unusable;
  readonly analysis?: Analysis;
  readonly header?: ReportHeader;
}

/** The 党（工）委 a submission comes from (§8: 填报单位 → the only 单位编号 → the file name). */
export interface SubmittingUnit {
  /** Groups one unit's submissions: the 单位编号 when known, else the text it was named by. */
  readonly key: string;
  readonly id?: string;
  readonly name?: string;
  readonly from: "cover" | "units-sheet" | "file-name";
  /** The text it was identified by, as written. */
  readonly text: string;
  /** Where that text is (null for the file name). */
  readonly sheet: string | null;
  readonly cell: string | null;
  /** On the district's unit list. */
  readonly known: boolean;
}

export type SubmissionStatus = "accepted" | "returned" | "superseded";

export type SubmissionReason =
  Unusable | { kind: "errors"; errors: number; first: Finding } | { kind: "superseded"; by: string };

export interface Submission {
  readonly file: string;
  readonly modifiedAt?: number;
  readonly unit: SubmittingUnit;
  /** 报出时间 (day number + fraction of the day) and as written. */
  readonly reportedAt?: number;
  readonly reportedText?: string;
  readonly status: SubmissionStatus;
  /** Why it was returned or superseded (absent when accepted). */
  readonly reason?: SubmissionReason;
  /** Its findings, each with `file`: the compilation's first, then cross-file ones, then its own. */
  readonly findings: readonly Finding[];
  readonly summary: Record<Severity, number>;
  readonly analysis?: Analysis;
}

/** Where the other half of a cross-file finding is. */
export interface Place {
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
}

/** A finding that names two files: it sits in `file` and names `other`. */
export interface CrossFinding extends Finding {
  file: string;
  other: Place;
}

export interface Compilation {
  readonly district: District;
  /** The unit list the submissions were checked against, and where it came from. */
  readonly units: readonly DistrictUnit[];
  readonly unitsFrom: "units-workbook" | "submissions";
  /** One per input, in input order. */
  readonly submissions: readonly Submission[];
  readonly crossFindings: readonly CrossFinding[];
  /**
   * The district: the merged ledger of the accepted submissions (each record keeps its file, sheet
   * and cell through `ledger.origins`), with every submission's findings (each with `file`).
   */
  readonly analysis: Analysis;
  /** Scores and lists over the whole district, with per-unit quotas (§5). */
  readonly evaluation: Evaluation;
}
