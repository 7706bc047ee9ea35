// 概况: one row per ledger sheet (name as found, ✓/✗, header row, record count), ignored sheets,
// `新建标准台账` when sheets are missing, and the 检查基准日.
import { Button, Caption1, Field, Input } from "@fluentui/react-components";
import type { Analysis } from "../../engine/analyze";
import { t } from "../../i18n/pane";
import { listOf, type Lang } from "../../i18n/text";
import { useTabStyles } from "./styles";

export interface OverviewTabProps {
  lang: Lang;
  analysis: Analysis | null;
  busy: boolean;
  /** ISO date or "" (the 评分规则 date, else today). */
  asOf: string;
  onAsOfChange: (iso: string) => void;
  onAddTemplate: () => void;
  onReread: () => void;
}

export function OverviewTab(p: OverviewTabProps) {
  const s = useTabStyles();
  const { lang, analysis } = p;
  const missing = analysis ? analysis.overview.some((o) => o.foundAs === undefined) : false;
  return (
    <div className={s.tab}>
      {analysis && (
        <table className={s.table}>
          <thead>
            <tr>
              <th>{t(lang, "colSheet")}</th>
              <th>{t(lang, "colFound")}</th>
              <th data-num="">{t(lang, "colHeaderRow")}</th>
              <th data-num="">{t(lang, "colRecords")}</th>
            </tr>
          </thead>
          <tbody>
            {analysis.overview.map((o) => (
              <tr key={o.id}>
                <td>
                  {o.name}
                  {o.foundAs && o.foundAs !== o.name && (
                    <span className={s.muted}>{t(lang, "foundAs", { name: o.foundAs })}</span>
                  )}
                </td>
                <td>
                  {o.foundAs ? (
                    <span className={s.ok} aria-label="✓">
                      ✓
                    </span>
                  ) : (
                    <span className={s.bad} aria-label="✗">
                      ✗
                    </span>
                  )}
                </td>
                <td data-num="">{o.headerRow ?? "—"}</td>
                <td data-num="">{o.foundAs ? o.records : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {analysis && analysis.ignoredSheets.length > 0 && (
        <Caption1 className={s.muted}>
          {t(lang, "ignoredSheets", { names: listOf(analysis.ignoredSheets) })}
        </Caption1>
      )}
      <div className={s.row}>
        {(missing || !analysis) && (
          <Button appearance={missing ? "primary" : "secondary"} disabled={p.busy} onClick={p.onAddTemplate}>
            {t(lang, "newTemplate")}
          </Button>
        )}
        <Button disabled={p.busy} onClick={p.onReread}>
          {t(lang, "reread")}
        </Button>
      </div>
      <Field label={t(lang, "asOf")} hint={t(lang, "asOfHint")}>
        <Input type="date" value={p.asOf} onChange={(_, d) => p.onAsOfChange(d.value)} />
      </Field>
    </div>
  );
}
