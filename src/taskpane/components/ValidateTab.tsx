// 校验: `校验台账`, the counts, filters by severity and sheet, findings grouped by sheet (the cell is a
// link that selects it in the workbook; a suggested fix has a checkbox), `标记问题单元格`, `清除标记`,
// `应用所选修正 (n)` (after a confirmation, writes only the ticked fixes) and `写入校验结果表`.
import { useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../engine/findings";
import type { CellFix, CellRef } from "../../hosts/host";
import { t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import type { ValidateResult } from "../../app/jobs/validate";
import { PAGE, WORKBOOK, useFindingsView } from "../hooks/useFindingsView";
import { ConfirmFixesDialog } from "./ConfirmFixesDialog";
import { FindingFilters } from "./FindingFilters";
import { FindingGroups } from "./FindingGroups";
import { useTabStyles } from "./styles";

const useStyles = makeStyles({
  counts: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
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

export function ValidateTab(p: ValidateTabProps) {
  const ts = useTabStyles();
  return (
    <div className={ts.tab}>
      <div className={ts.row}>
        <Button appearance="primary" disabled={p.busy} onClick={p.onValidate}>
          {t(p.lang, "validate")}
        </Button>
      </div>
      {p.result && <CheckResult {...p} result={p.result} />}
    </div>
  );
}

function CheckResult(p: ValidateTabProps & { result: ValidateResult }) {
  const s = useStyles();
  const ts = useTabStyles();
  const { lang, result } = p;
  const view = useFindingsView(result.analysis);
  const [confirming, setConfirming] = useState(false);
  const sheetLabel = (group: string) => (group === WORKBOOK ? t(lang, "workbookLevel") : group);
  const total = result.analysis.findings.length;
  const more = view.visible.length - view.shown.length;

  const applyTicked = () => {
    const fixes = view.tickedFixes;
    setConfirming(false);
    view.untickAll();
    p.onApplyFixes(fixes);
  };

  return (
    <>
      <Text className={s.counts} data-testid="finding-counts">
        {t(lang, "counts", result.counts)}
      </Text>
      <FindingFilters
        lang={lang}
        counts={result.counts}
        severities={view.severities}
        onToggleSeverity={view.toggleSeverity}
        sheet={view.sheet}
        sheets={view.sheets}
        sheetLabel={sheetLabel}
        onSheet={view.setSheet}
      />
      <div className={ts.row}>
        <Button disabled={p.busy || !view.visible.length} onClick={() => p.onHighlight(view.visible)}>
          {t(lang, "markCells")}
        </Button>
        <Button disabled={p.busy} onClick={p.onClearHighlights}>
          {t(lang, "clearMarks")}
        </Button>
        <Button disabled={p.busy || !view.tickedFixes.length} onClick={() => setConfirming(true)}>
          {t(lang, "applyFixes", { n: view.tickedFixes.length })}
        </Button>
        <Button disabled={p.busy} onClick={p.onWriteFindings}>
          {t(lang, "writeFindings")}
        </Button>
      </div>
      {!total && <Text>{t(lang, "noFindings")}</Text>}
      {total > 0 && !view.visible.length && <Text>{t(lang, "noneShown")}</Text>}
      <FindingGroups
        lang={lang}
        groups={view.groups}
        countOf={view.countOf}
        sheetLabel={sheetLabel}
        fixes={view.fixes}
        ticked={view.ticked}
        onTick={view.tick}
        onSelectCell={p.onSelectCell}
      />
      {more > 0 && (
        <Button appearance="subtle" onClick={view.showMore}>
          {t(lang, "showMore", { n: Math.min(PAGE, more) })}
        </Button>
      )}
      <ConfirmFixesDialog
        lang={lang}
        open={confirming}
        count={view.tickedFixes.length}
        onConfirm={applyTicked}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
