// 校验: `校验台账`, the counts, filters by severity and sheet, findings grouped by sheet (the cell is a
// link that selects it in the workbook; a suggested fix has a checkbox), `标记问题单元格`, `清除标记`,
// `应用所选修正 (n)` (after a confirmation, writes only the ticked fixes) and `写入校验结果表`.
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  Select,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Severity } from "../../engine/catalogue";
import { messageOf, type Finding } from "../../engine/findings";
import { maskIdCard } from "../../report/mask";
import type { CellFix, CellRef } from "../../hosts/host";
import { SEVERITY_ITEM_KEYS, SEVERITY_KEYS, t, type Lang } from "../../app/i18n";
import { fixOf } from "../../app/jobs/fixes";
import type { ValidateResult } from "../../app/jobs/validate";
import { useTabStyles } from "./styles";

const PAGE = 200;
const SEVERITIES: Severity[] = ["error", "warning", "info"];
const WORKBOOK = "\u0000workbook";

const useStyles = makeStyles({
  counts: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  groupTitle: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    margin: `${tokens.spacingVerticalS} 0 0`,
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  item: {
    listStyle: "none",
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  sev: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  fix: { gridColumn: "2" },
  msg: { wordBreak: "break-word" },
});

export interface ValidateTabProps {
  lang: Lang;
  busy: boolean;
  /** The result of the last 校验台账 (null before the first). */
  result: ValidateResult | null;
  onValidate: () => void;
  onSelectCell: (ref: CellRef) => void;
  onHighlight: (findings: Finding[]) => void;
  onClearHighlights: () => void;
  onApplyFixes: (fixes: CellFix[]) => void;
  onWriteFindings: () => void;
}

const keyOf = (f: { sheet: string | null; cell: string | null }) => `${f.sheet}!${f.cell}`;

export function ValidateTab(p: ValidateTabProps) {
  const s = useStyles();
  const ts = useTabStyles();
  const { lang, result } = p;
  const [severities, setSeverities] = useState<Set<Severity>>(() => new Set(SEVERITIES));
  const [sheet, setSheet] = useState<string>("");
  const [limit, setLimit] = useState(PAGE);
  const [ticked, setTicked] = useState<Set<string>>(() => new Set());
  const [confirming, setConfirming] = useState(false);

  const analysis = result?.analysis;
  // A new check: earlier ticks point at cells of an older reading.
  useEffect(() => {
    setTicked(new Set());
    setLimit(PAGE);
  }, [analysis]);
  const fixes = useMemo(() => {
    const m = new Map<Finding, CellFix>();
    if (analysis)
      for (const f of analysis.findings) {
        const fix = fixOf(f, analysis);
        if (fix) m.set(f, fix);
      }
    return m;
  }, [analysis]);

  const sheets = useMemo(() => {
    const names: string[] = [];
    for (const f of analysis?.findings ?? []) {
      const n = f.sheet ?? WORKBOOK;
      if (!names.includes(n)) names.push(n);
    }
    return names;
  }, [analysis]);

  const visible = useMemo(
    () =>
      (analysis?.findings ?? []).filter(
        (f) => severities.has(f.severity) && (!sheet || (f.sheet ?? WORKBOOK) === sheet),
      ),
    [analysis, severities, sheet],
  );
  const shown = visible.slice(0, limit);
  const groups = useMemo(() => {
    const g = new Map<string, Finding[]>();
    for (const f of shown) {
      const k = f.sheet ?? WORKBOOK;
      const list = g.get(k);
      if (list) list.push(f);
      else g.set(k, [f]);
    }
    return [...g];
  }, [shown]);
  const countOf = (k: string) => visible.filter((f) => (f.sheet ?? WORKBOOK) === k).length;

  const tickedFixes = [...fixes].filter(([f]) => ticked.has(keyOf(f))).map(([, fix]) => fix);
  const sheetLabel = (k: string) => (k === WORKBOOK ? t(lang, "workbookLevel") : k);

  const toggleSeverity = (sev: Severity) =>
    setSeverities((old) => {
      const next = new Set(old);
      if (next.has(sev)) next.delete(sev);
      else next.add(sev);
      return next;
    });
  const toggleFix = (f: Finding, on: boolean) =>
    setTicked((old) => {
      const next = new Set(old);
      if (on) next.add(keyOf(f));
      else next.delete(keyOf(f));
      return next;
    });

  return (
    <div className={ts.tab}>
      <div className={ts.row}>
        <Button appearance="primary" disabled={p.busy} onClick={p.onValidate}>
          {t(lang, "validate")}
        </Button>
      </div>
      {result && (
        <>
          <Text className={s.counts} data-testid="finding-counts">
            {t(lang, "counts", result.counts)}
          </Text>
          <div className={s.filters}>
            <div className={ts.row} role="group" aria-label={t(lang, "filterSeverity")}>
              {SEVERITIES.map((sev) => (
                <ToggleButton
                  key={sev}
                  size="small"
                  checked={severities.has(sev)}
                  onClick={() => toggleSeverity(sev)}
                >
                  {`${t(lang, SEVERITY_KEYS[sev])} ${result.counts[sev]}`}
                </ToggleButton>
              ))}
            </div>
            <Field label={t(lang, "filterSheet")} size="small">
              <Select
                size="small"
                value={sheet}
                onChange={(_, d) => {
                  setSheet(d.value);
                  setLimit(PAGE);
                }}
              >
                <option value="">{t(lang, "allSheets")}</option>
                {sheets.map((n) => (
                  <option key={n} value={n}>
                    {sheetLabel(n)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className={ts.row}>
            <Button disabled={p.busy || !visible.length} onClick={() => p.onHighlight(visible)}>
              {t(lang, "markCells")}
            </Button>
            <Button disabled={p.busy} onClick={p.onClearHighlights}>
              {t(lang, "clearMarks")}
            </Button>
            <Button disabled={p.busy || !tickedFixes.length} onClick={() => setConfirming(true)}>
              {t(lang, "applyFixes", { n: tickedFixes.length })}
            </Button>
            <Button disabled={p.busy} onClick={p.onWriteFindings}>
              {t(lang, "writeFindings")}
            </Button>
          </div>
          {!analysis!.findings.length && <Text>{t(lang, "noFindings")}</Text>}
          {analysis!.findings.length > 0 && !visible.length && <Text>{t(lang, "noneShown")}</Text>}
          {groups.map(([k, list]) => (
            <section key={k} aria-label={sheetLabel(k)}>
              <h3 className={s.groupTitle}>{`${sheetLabel(k)}（${countOf(k)}）`}</h3>
              <ul className={s.group}>
                {list.map((f, i) => {
                  const fix = fixes.get(f);
                  return (
                    <li key={`${keyOf(f)}|${f.code}|${i}`} className={s.item}>
                      <span className={`${s.sev} ${s[f.severity]}`}>
                        {t(lang, SEVERITY_ITEM_KEYS[f.severity])}
                      </span>
                      <span className={s.msg}>
                        {f.sheet && f.cell && (
                          <>
                            <Link
                              as="button"
                              aria-label={t(lang, "goToCell", { sheet: f.sheet, cell: f.cell })}
                              onClick={() => p.onSelectCell({ sheet: f.sheet!, cell: f.cell! })}
                            >
                              {f.cell}
                            </Link>{" "}
                          </>
                        )}
                        {maskIdCard(messageOf(f, lang))}
                      </span>
                      {fix && (
                        <Checkbox
                          className={s.fix}
                          size="medium"
                          checked={ticked.has(keyOf(f))}
                          onChange={(_, d) => toggleFix(f, d.checked === true)}
                          label={t(lang, "fixTo", { fix: String(fix.value) })}
                        />
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
          {visible.length > shown.length && (
            <Button appearance="subtle" onClick={() => setLimit((n) => n + PAGE)}>
              {t(lang, "showMore", { n: Math.min(PAGE, visible.length - shown.length) })}
            </Button>
          )}
        </>
      )}
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t(lang, "confirmTitle")}</DialogTitle>
            <DialogContent>{t(lang, "confirmBody", { n: tickedFixes.length })}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  setTicked(new Set());
                  p.onApplyFixes(tickedFixes);
                }}
              >
                {t(lang, "confirmOk")}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t(lang, "confirmCancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
