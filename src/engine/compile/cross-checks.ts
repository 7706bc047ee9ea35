// Checks across the submissions that passed on their own (ledger-format.md §8): the same 党员编号 or
// 身份证号 in two units' ledgers (`duplicate-across-units`, an error in each file) and an organisation
// submitted by two units (`org-two-units`, a warning in each file). Each finding sits at its own
// file's cell and names the other file, sheet and cell.
import { FindingSink } from "../findings";
import type { CompileCode } from "./codes";
import { str } from "../ledger";
import { type Rec, type Table, cellOf } from "../read";
import { fieldName } from "../schema";
import type { CrossFinding, Place, SubmittingUnit } from "./types";
import { unitLabel } from "./identify";
import type { Ledger } from "../ledger";

export interface CrossPart {
  /** The submission's position among the inputs (two inputs may share a file name). */
  readonly index: number;
  readonly file: string;
  readonly unit: SubmittingUnit;
  readonly ledger: Ledger;
}

interface Occurrence {
  part: CrossPart;
  table: Table;
  rec: Rec;
  field: string;
}

type Rule = { code: "duplicate-across-units" | "org-two-units"; table: "members" | "orgs"; field: string };

const RULES: readonly Rule[] = [
  { code: "duplicate-across-units", table: "members", field: "memberId" },
  { code: "duplicate-across-units", table: "members", field: "idcard" },
  { code: "org-two-units", table: "orgs", field: "orgId" },
];

/** Every cross-file finding with the index of the submission it sits in. */
export function crossCheck(parts: readonly CrossPart[]): { index: number; finding: CrossFinding }[] {
  return RULES.flatMap((rule) => sharedValues(parts, rule).flatMap((group) => findingsFor(rule, group)));
}

/** Groups of occurrences of one value that span more than one submission. */
function sharedValues(parts: readonly CrossPart[], rule: Rule): Occurrence[][] {
  const byValue = new Map<string, Occurrence[]>();
  for (const part of parts) {
    const table = part.ledger.tables[rule.table];
    for (const rec of table?.records ?? []) {
      const value = str(rec, rule.field);
      if (value === undefined) continue;
      const list = byValue.get(value);
      const occ = { part, table: table!, rec, field: rule.field };
      if (list) list.push(occ);
      else byValue.set(value, [occ]);
    }
  }
  return [...byValue.values()].filter((list) => new Set(list.map((o) => o.part)).size > 1);
}

/** One finding per occurrence, naming the first occurrence in another file. */
function findingsFor(rule: Rule, group: Occurrence[]): { index: number; finding: CrossFinding }[] {
  return group.map((occ) => {
    const other = group.find((o) => o.part !== occ.part)!;
    const sink = new FindingSink<CompileCode>();
    const field = fieldName(occ.table.def, rule.field);
    const place = placeOf(other);
    const f = sink.add(rule.code, occ.table.grid.name, cellOf(occ.table, occ.rec, rule.field), {
      field,
      value: str(occ.rec, rule.field)!,
      object: str(occ.rec, rule.table === "orgs" ? "orgId" : "memberId"),
      row: occ.rec.row,
      params: {
        other: `${unitLabel(other.part.unit)}的台账（${place.file} ${place.sheet}!${place.cell}）`,
        otherEn: `the ledger of ${unitLabel(other.part.unit)} (${place.file} ${place.sheet}!${place.cell})`,
      },
    });
    return { index: occ.part.index, finding: { ...f, file: occ.part.file, other: place } };
  });
}

function placeOf(o: Occurrence): Place {
  return { file: o.part.file, sheet: o.table.grid.name, cell: cellOf(o.table, o.rec, o.field) };
}
