// 校验: the severity toggles (`错误 n`, `警告 n`, `提示 n`) and the sheet filter.
import { Field, Select, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../engine/catalogue";
import { SEVERITY_KEYS, t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import { SEVERITIES } from "../hooks/useFindingsView";
import { useTabStyles } from "./styles";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
});

export interface FindingFiltersProps {
  lang: Lang;
  counts: Record<Severity, number>;
  severities: ReadonlySet<Severity>;
  onToggleSeverity: (sev: Severity) => void;
  sheet: string;
  sheets: string[];
  sheetLabel: (group: string) => string;
  onSheet: (group: string) => void;
}

export function FindingFilters(p: FindingFiltersProps) {
  const s = useStyles();
  const ts = useTabStyles();
  const { lang } = p;
  return (
    <div className={s.filters}>
      <div className={ts.row} role="group" aria-label={t(lang, "filterSeverity")}>
        {SEVERITIES.map((sev) => (
          <ToggleButton
            key={sev}
            size="small"
            checked={p.severities.has(sev)}
            onClick={() => p.onToggleSeverity(sev)}
          >
            {t(lang, "filterCount", { label: t(lang, SEVERITY_KEYS[sev]), n: p.counts[sev] })}
          </ToggleButton>
        ))}
      </div>
      <Field label={t(lang, "filterSheet")} size="small">
        <Select size="small" value={p.sheet} onChange={(_, d) => p.onSheet(d.value)}>
          <option value="">{t(lang, "allSheets")}</option>
          {p.sheets.map((n) => (
            <option key={n} value={n}>
              {p.sheetLabel(n)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
