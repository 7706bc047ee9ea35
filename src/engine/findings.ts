// Findings (ledger-format.md §3): what the validator reports, and the sink that collects them.
// What a finding says is user-facing text: src/i18n/findings.ts renders it (messageOf).
import { CATALOGUE, type FindingCode, type Severity } from "./catalogue";

export type FindingValue = string | number | boolean | null;

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** The submitted file the finding is about (district compilation only; absent for one ledger). */
  file?: string;
  sheet: string | null;
  cell: string | null;
  field?: string;
  value?: FindingValue;
  object?: string;
  period?: string;
  fix?: string | number | null;
  /** Extra template parameters (expected value, other row, …). */
  params?: Record<string, string | number>;
  /** 0-based row of the offending cell, for sorting and hyperlinks. */
  row?: number;
}

export interface AddOptions {
  field?: string;
  value?: FindingValue;
  object?: string;
  period?: string;
  fix?: string | number | null;
  params?: Record<string, string | number>;
  row?: number;
  /** Use the code's alternative severity (e.g. missing-column of an optional column → info). */
  alt?: boolean;
}

/**
 * Collects findings. `C` is the codes its producer declared: `add` is a property (not a method), so
 * TypeScript checks it strictly and a sink for some codes cannot stand in where more are raised.
 */
export class FindingSink<C extends FindingCode = FindingCode> {
  readonly items: Finding[] = [];

  readonly add = (code: C, sheet: string | null, cell: string | null, o: AddOptions = {}): Finding => {
    const def = CATALOGUE[code];
    const severity = o.alt && "alsoSeverity" in def && def.alsoSeverity ? def.alsoSeverity : def.severity;
    const f: Finding = { severity, code, sheet, cell };
    if (o.field !== undefined) f.field = o.field;
    if (o.value !== undefined) f.value = o.value;
    if (o.object !== undefined) f.object = o.object;
    if (o.period !== undefined) f.period = o.period;
    if (o.fix !== undefined) f.fix = o.fix;
    if (o.params) f.params = o.params;
    if (o.row !== undefined) f.row = o.row;
    this.items.push(f);
    return f;
  };
}

export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const s: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by sheet order given, then row, then column letters, then severity, then code. */
export function sortFindings(findings: Finding[], sheetOrder: readonly string[]): Finding[] {
  const pos = new Map(sheetOrder.map((s, i) => [s, i]));
  const colKey = (cell: string | null) => {
    const m = cell ? /^([A-Z]+)/.exec(cell) : null;
    return m ? m[1].padStart(3, " ") : "";
  };
  return findings.sort(
    (a, b) =>
      (pos.get(a.sheet ?? "") ?? -1) - (pos.get(b.sheet ?? "") ?? -1) ||
      (a.row ?? -1) - (b.row ?? -1) ||
      colKey(a.cell).localeCompare(colKey(b.cell)) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.code.localeCompare(b.code),
  );
}
