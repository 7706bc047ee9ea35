// The Ledger in its three stages (architecture.md, "Checks are pure"):
//   ReadLedger    — typed records of every sheet, the rules in force, the cover (read-ledger.ts);
//   IndexedLedger — plus the indexes every check shares (index-ledger.ts); checks take this, read-only;
//   Ledger        — plus the facts scoring needs, derived after the checks (facts.ts).
import type { Day } from "./dates";
import type { RuleKey, Rules } from "./campaign";
import type { Cover } from "./cover";
import type { Rec, Table, Tables } from "./read";
import type { Facts } from "./facts";

export interface ReadLedger {
  readonly date1904: boolean;
  readonly tables: Readonly<Tables>;
  readonly rules: Rules;
  /** Rule keys whose `评分规则` value could not be read. */
  readonly brokenRules: readonly RuleKey[];
  readonly asOf: Day;
  readonly cover: Cover;
  readonly templateVersion?: string;
  /**
   * Where each record came from, when the ledger was merged from several files (the district
   * compilation); absent for a ledger read from one workbook, whose records are in `tables`.
   */
  readonly origins?: ReadonlyMap<Rec, RecordOrigin>;
}

/** The file and table a record of a merged ledger was read from (its cells: `cellOf(table, rec, field)`). */
export interface RecordOrigin {
  readonly file: string;
  readonly table: Table;
}

export interface Indexes {
  /** 单位编号 → row. */
  readonly units: ReadonlyMap<string, Rec>;
  /** 单位名称 (match key) → 单位编号. */
  readonly unitByName: ReadonlyMap<string, string>;
  /** 组织编号 → row. */
  readonly orgs: ReadonlyMap<string, Rec>;
  /** 党员编号 → row. */
  readonly members: ReadonlyMap<string, Rec>;
  /** 组织编号 or 党员编号 → which it is (an ID that is both is the organisation): one lookup, not two. */
  readonly kinds: ReadonlyMap<string, "org" | "member">;
  /** 组织编号 → its members' rows. */
  readonly membersOfOrg: ReadonlyMap<string, readonly Rec[]>;
  /** 单位编号 → its organisations' rows. */
  readonly orgsOfUnit: ReadonlyMap<string, readonly Rec[]>;
}

export interface IndexedLedger extends ReadLedger {
  readonly index: Indexes;
}

export interface Ledger extends IndexedLedger {
  readonly facts: Facts;
}

/**
 * `derive`, computed once per indexed ledger: a ledger never changes once indexed, so what is
 * derived from it alone can be shared by the checks and the facts that need it.
 */
export function derivedOnce<T>(derive: (ledger: IndexedLedger) => T): (ledger: IndexedLedger) => T {
  const cache = new WeakMap<IndexedLedger, T>();
  return (ledger) => {
    if (!cache.has(ledger)) cache.set(ledger, derive(ledger));
    return cache.get(ledger)!;
  };
}

export function str(rec: Rec, key: string): string | undefined {
  const v = rec.v[key];
  return typeof v === "string" ? v : undefined;
}

export function num(rec: Rec, key: string): number | undefined {
  const v = rec.v[key];
  return typeof v === "number" ? v : undefined;
}

/**
 * The field's cell is there but its value is not known: a formula without its result, or a value
 * that could not be read (type-date …). No coverage finding is derived from it (§1.4).
 */
export function unread(rec: Rec, key: string): boolean {
  return rec.unread?.includes(key) ?? false;
}

export function recordsOf(t: Table | undefined): readonly Rec[] {
  return t ? t.records : [];
}
