// The stable JSON shapes of cli.md (validate --json; evaluate/compile extend it).
import { type Analysis } from "../engine/analyze";
import { type Finding, summarize } from "../engine/findings";
import { messageOf } from "../i18n/findings";
import type { Lang } from "../i18n/text";
import { toISO } from "../engine/dates";

export interface FindingJson {
  severity: Finding["severity"];
  code: Finding["code"];
  /** The submitted file (compile only). */
  file?: string;
  sheet: string | null;
  cell: string | null;
  field?: string;
  value?: Finding["value"];
  object?: string;
  period?: string;
  message: string;
  fix: string | number | null;
}

export function findingJson(f: Finding, lang: Lang): FindingJson {
  const out: FindingJson = {
    severity: f.severity,
    code: f.code,
    ...(f.file !== undefined ? { file: f.file } : {}),
    sheet: f.sheet,
    cell: f.cell,
  } as FindingJson;
  if (f.field !== undefined) out.field = f.field;
  if (f.value !== undefined) out.value = f.value;
  if (f.object !== undefined) out.object = f.object;
  if (f.period !== undefined) out.period = f.period;
  out.message = messageOf(f, lang);
  out.fix = f.fix ?? null;
  return out;
}

export function validateJson(file: string, a: Analysis, lang: Lang) {
  return {
    file,
    asOf: toISO(a.ledger.asOf),
    summary: summarize(a.findings),
    sheets: a.overview.map((s) => ({
      sheet: s.name,
      foundAs: s.foundAs ?? null,
      headerRow: s.headerRow ?? null,
      records: s.records,
    })),
    findings: a.findings.map((f) => findingJson(f, lang)),
  };
}
