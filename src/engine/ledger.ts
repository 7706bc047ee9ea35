// The Ledger: typed records of every sheet plus the indexes and facts the checks, scores and
// commendations share. Built once per run by analyze.ts; everything downstream reads it.
import type { Day } from "./dates";
import type { Phase, Rules } from "./campaign";
import type { RuleKey } from "./campaign";
import type { Cover } from "./cover";
import type { Rec, Table, Tables } from "./read";
import type { FindingSink } from "./findings";

export interface Indexes {
  /** 单位编号 → row. */
  units: Map<string, Rec>;
  /** 单位名称 (match key) → 单位编号. */
  unitByName: Map<string, string>;
  /** 组织编号 → row. */
  orgs: Map<string, Rec>;
  /** 党员编号 → row. */
  members: Map<string, Rec>;
  /** 组织编号 → its members' rows. */
  membersOfOrg: Map<string, Rec[]>;
  /** 单位编号 → its organisations' rows. */
  orgsOfUnit: Map<string, Rec[]>;
}

/** Votes of one object: good = 好 + 较好, total = 参评人数, per phase (index 1–3). */
export interface Approval {
  good: [number, number, number, number];
  total: [number, number, number, number];
}

/** Facts found by the checks that scoring and commendation need (ledger-format.md §4–§5). */
export interface Facts {
  /** Objects (org/member IDs) with an error on any of their own rows. */
  objectsWithErrors: Set<string>;
  approval: Map<string, Approval>;
  /** Org ID → quarters without a review by its unit, with the phase holding each quarter. */
  missingQuarterReviews: Map<string, { period: string; phase: Phase | undefined }[]>;
  /** Unit ID → half-years without a 区委 review. */
  missingHalfYearReviews: Map<string, { period: string; to: Day }[]>;
  /** Object ID → deadlines of overdue commitments. */
  overdue: Map<string, Day[]>;
  /** Unit IDs whose plan was late or missing. */
  planLate: Set<string>;
  /** `${orgId}|${quarter}` and `${unitId}|${halfYear}` that have a review (for 进度督查). */
  reviewed: Set<string>;
  /** `${objectId}|${year}` that have a 群众评议 (for 进度督查). */
  evaluated: Set<string>;
}

export interface Ledger {
  date1904: boolean;
  tables: Tables;
  rules: Rules;
  /** Rule keys whose `评分规则` value could not be read. */
  brokenRules: RuleKey[];
  asOf: Day;
  cover: Cover;
  templateVersion?: string;
  index: Indexes;
  facts: Facts;
}

export interface CheckContext {
  ledger: Ledger;
  sink: FindingSink;
}

export function str(rec: Rec, key: string): string | undefined {
  const v = rec.v[key];
  return typeof v === "string" ? v : undefined;
}

export function num(rec: Rec, key: string): number | undefined {
  const v = rec.v[key];
  return typeof v === "number" ? v : undefined;
}

export function recordsOf(t: Table | undefined): Rec[] {
  return t ? t.records : [];
}
