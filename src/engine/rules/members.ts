// 党员 (ledger-format.md §2.3): the ID card is valid and agrees with the recorded birth date and sex.
import { type Day, toISO } from "../dates";
import { defineCheck } from "../check";
import { num, recordsOf, str } from "../ledger";
import { type Rec, cellOf, findingValue, rawOf } from "../read";
import { MEMBERS, fieldName } from "../schema";
import { ID_PROBLEM_TEXT, parseIdCard } from "./idcard";

/** The recorded 出生日期, else the one in a valid ID card number. */
export function birthOf(rec: Rec): Day | undefined {
  const card = str(rec, "idcard");
  return num(rec, "birth") ?? (card !== undefined ? parseIdCard(card).birth : undefined);
}

export const idCardCheck = defineCheck("id-cards", ["id-checksum", "id-birth", "id-sex"], (ledger, sink) => {
  const t = ledger.tables.members;
  for (const rec of recordsOf(t)) {
    const card = str(rec, "idcard");
    if (card === undefined) continue;
    const sheet = t!.grid.name;
    const cell = cellOf(t!, rec, "idcard");
    const at = { field: fieldName(MEMBERS, "idcard"), object: str(rec, "memberId"), row: rec.row };
    const info = parseIdCard(card);
    if (info.problem) {
      sink.add("id-checksum", sheet, cell, {
        ...at,
        value: findingValue(rawOf(t!, rec, "idcard")),
        params: { expected: ID_PROBLEM_TEXT[info.problem] },
      });
      continue;
    }
    const birth = num(rec, "birth");
    if (birth !== undefined && info.birth !== birth)
      sink.add("id-birth", sheet, cell, {
        ...at,
        value: toISO(birth),
        params: { expected: toISO(info.birth!) },
      });
    const sex = str(rec, "sex");
    if (sex !== undefined && sex !== info.sex)
      sink.add("id-sex", sheet, cell, { ...at, value: sex, params: { expected: info.sex! } });
  }
});
