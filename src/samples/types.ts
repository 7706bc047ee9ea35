// Internal shapes of the sample generator (not part of the engine's data model).
import type { CellValue } from "../engine/grid";
import type { Day } from "../engine/dates";
import type { SheetId } from "../engine/schema";
import type { Phase } from "../engine/campaign";

/** One ledger row, keyed by the schema's field `key` (values as they will be written). */
export type Rec = Record<string, CellValue>;

export interface Unit {
  id: string;
  name: string;
  type: string;
  place: string;
  head: string;
  /** Scores its evaluations with numbers 0–20 instead of words. */
  numeric: boolean;
  orgs: Org[];
  rec: Rec;
}

export interface Org {
  id: string;
  name: string;
  unit: Unit;
  category: string;
  members: Member[];
  tier: number;
  rec: Rec;
}

export interface Member {
  id: string;
  name: string;
  sex: "男" | "女";
  birth: Day;
  joined: Day;
  org: Org;
  /** Joined after 第一时段结束. */
  late: boolean;
  secretary: boolean;
  tier: number;
  rec: Rec;
}

export interface LedgerData {
  units: Unit[];
  orgs: Org[];
  members: Member[];
  /** Rows of each ledger sheet in output order. */
  sheets: Record<SheetId, Rec[]>;
  /** Evaluation rows by object ID and phase. */
  evals: Map<string, Map<Phase, Rec>>;
  /** 群众评议 rows by object ID and phase (several per phase possible). */
  votes: Map<string, Map<Phase, Rec[]>>;
  /** Rows of 领导点评 by reviewing unit (党（工）委 level). */
  unitReviews: Map<string, Rec[]>;
}

/** Where a seeded mistake must be reported. */
export interface SeededMistake {
  code: string;
  severity: "error" | "warning";
  /** Sheet name as in the SheetModel (canonical). */
  sheet: string;
  /** A1 address in a plain SheetModel sheet (header on row 1, data from row 2). */
  cell: string;
  /** 0-based index into the model's rows. */
  row: number;
  /** Canonical column name. */
  column: string;
  /** The object (unit, organisation or member ID) the finding is about, where there is one. */
  object?: string;
  /** What was done, in a few words. */
  note: string;
}
