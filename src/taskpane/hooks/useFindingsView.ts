// What the 校验 tab shows of a check: the severity and sheet filters, the findings that pass them
// (grouped by sheet, a page at a time) and the ticked fixes. Ticks and the page belong to one
// analysis: a new check starts with none ticked and the first page (earlier ticks point at cells of
// an older reading), while the filters stay as the clerk set them.
import { useMemo, useState } from "react";
import type { Analysis } from "../../engine/analyze";
import type { Severity } from "../../engine/catalogue";
import type { Finding } from "../../engine/findings";
import type { CellFix } from "../../hosts/host";
import { fixOf } from "../../app/jobs/fixes";

export const PAGE = 200;
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
/** The group of findings about the workbook as a whole (no sheet). */
export const WORKBOOK = "\u0000workbook";

export const findingKey = (f: Pick<Finding, "sheet" | "cell">) => `${f.sheet}!${f.cell}`;
export const groupOf = (f: Finding) => f.sheet ?? WORKBOOK;

/** State that resets when the analysis changes (kept with the analysis it belongs to). */
interface PerAnalysis {
  analysis: Analysis | undefined;
  ticked: ReadonlySet<string>;
  limit: number;
}

const fresh = (analysis: Analysis | undefined): PerAnalysis => ({ analysis, ticked: new Set(), limit: PAGE });

export function useFindingsView(analysis: Analysis | undefined) {
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [sheet, setSheetState] = useState("");
  const [own, setOwn] = useState<PerAnalysis>(() => fresh(analysis));
  const current = own.analysis === analysis ? own : fresh(analysis);
  const update = (change: (p: PerAnalysis) => Partial<PerAnalysis>) =>
    setOwn((old) => {
      const base = old.analysis === analysis ? old : fresh(analysis);
      return { ...base, ...change(base) };
    });

  const fixes = useMemo(() => fixesOf(analysis), [analysis]);
  const sheets = useMemo(() => [...new Set((analysis?.findings ?? []).map(groupOf))], [analysis]);
  const visible = useMemo(
    () =>
      (analysis?.findings ?? []).filter(
        (f) => severities.has(f.severity) && (!sheet || groupOf(f) === sheet),
      ),
    [analysis, severities, sheet],
  );
  const shown = visible.slice(0, current.limit);

  return {
    severities,
    sheet,
    sheets,
    visible,
    shown,
    groups: groupBySheet(shown),
    countOf: (group: string) => visible.filter((f) => groupOf(f) === group).length,
    fixes,
    ticked: current.ticked,
    tickedFixes: [...fixes].filter(([f]) => current.ticked.has(findingKey(f))).map(([, fix]) => fix),
    toggleSeverity: (sev: Severity) => setSeverities((old) => toggled(old, sev, !old.has(sev))),
    setSheet: (name: string) => {
      setSheetState(name);
      update(() => ({ limit: PAGE }));
    },
    showMore: () => update((p) => ({ limit: p.limit + PAGE })),
    tick: (f: Finding, on: boolean) => update((p) => ({ ticked: toggled(p.ticked, findingKey(f), on) })),
    untickAll: () => update(() => ({ ticked: new Set() })),
  };
}

function fixesOf(analysis: Analysis | undefined): Map<Finding, CellFix> {
  const m = new Map<Finding, CellFix>();
  for (const f of analysis?.findings ?? []) {
    const fix = fixOf(f, analysis!);
    if (fix) m.set(f, fix);
  }
  return m;
}

function groupBySheet(findings: readonly Finding[]): [string, Finding[]][] {
  const g = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = g.get(groupOf(f));
    if (list) list.push(f);
    else g.set(groupOf(f), [f]);
  }
  return [...g];
}

function toggled<T>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(item);
  else next.delete(item);
  return next;
}
