// 党员 (ledger-format.md §2.3): the organisation exists, the ID card is valid and agrees with the
// recorded birth date and sex, and 入党日期 lies between the 18th birthday and 检查基准日.
import { addYears, toISO } from "../dates";
import { type CheckContext, num, recordsOf, str } from "../ledger";
import { cellOf, findingValue, rawOf } from "../read";
import { MEMBERS, ORGS, fieldName } from "../schema";
import { ID_PROBLEM_TEXT, parseIdCard } from "./idcard";

const name = (key: string) => fieldName(MEMBERS, key);

export function checkMembers({ ledger, sink }: CheckContext): void {
  const t = ledger.tables.members;
  if (!t) return;
  const sheet = t.grid.name;
  for (const rec of recordsOf(t)) {
    const id = str(rec, "memberId");
    const org = str(rec, "org");
    if (org !== undefined && ledger.tables.orgs && !ledger.index.orgs.has(org)) {
      sink.add("foreign-key", sheet, cellOf(t, rec, "org"), {
        field: name("org"),
        value: findingValue(rawOf(t, rec, "org")),
        object: id,
        row: rec.row,
        params: { expected: ORGS.name },
      });
      rec.err = true;
    }
    let birth = num(rec, "birth");
    const card = str(rec, "idcard");
    if (card !== undefined) {
      const info = parseIdCard(card);
      const at = { field: name("idcard"), object: id, row: rec.row };
      if (info.problem) {
        sink.add("id-checksum", sheet, cellOf(t, rec, "idcard"), {
          ...at,
          value: findingValue(rawOf(t, rec, "idcard")),
          params: { expected: ID_PROBLEM_TEXT[info.problem] },
        });
        rec.err = true;
      } else {
        if (birth !== undefined && info.birth !== birth)
          sink.add("id-birth", sheet, cellOf(t, rec, "idcard"), {
            ...at,
            value: toISO(birth),
            params: { expected: toISO(info.birth!) },
          });
        const sex = str(rec, "sex");
        if (sex !== undefined && sex !== info.sex)
          sink.add("id-sex", sheet, cellOf(t, rec, "idcard"), {
            ...at,
            value: sex,
            params: { expected: info.sex! },
          });
        birth ??= info.birth;
      }
    }
    const joined = num(rec, "joined");
    if (joined === undefined) continue;
    const problem =
      birth !== undefined && joined < addYears(birth, 18)
        ? `不早于年满 18 周岁之日 ${toISO(addYears(birth, 18))}`
        : joined > ledger.asOf
          ? `不晚于检查基准日 ${toISO(ledger.asOf)}`
          : undefined;
    if (problem) {
      sink.add("date-order", sheet, cellOf(t, rec, "joined"), {
        field: name("joined"),
        value: toISO(joined),
        object: id,
        row: rec.row,
        params: { expected: problem },
      });
      rec.err = true;
    }
  }
}
