// 汇总报送 (ui.md): the drop zone / `选择报送文件`; after the files are read and compiled, the counts per
// status, the unit list used, the files not compiled, the submissions table (a file opens its
// findings), `生成全区汇总` (报送情况 + result sheets into the workbook) and `下载退回修改通知`.
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CompileSummary, SkippedFile } from "../../app/results/compile-summary";
import type { CompileState } from "../session/state";
import { t, type TextKey } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import { SubmissionPicker } from "./SubmissionPicker";
import { SubmissionsTable } from "./SubmissionsTable";
import { useTabStyles } from "./styles";
import { WrittenSheets } from "./WrittenSheets";

const useStyles = makeStyles({
  counts: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground3 },
});

const SKIP_KEYS: Record<SkippedFile["why"], TextKey> = {
  lock: "skippedLock",
  "not-xlsx": "skippedNotXlsx",
  repeated: "repeatedFile",
};

export interface CompileTabProps {
  lang: Lang;
  busy: boolean;
  compile: CompileState | null;
  onFiles: (files: File[]) => void;
  onWriteDistrict: () => void;
  onDownloadNotices: () => void;
  onActivateSheet: (name: string) => void;
}

export function CompileTab(p: CompileTabProps) {
  const s = useStyles();
  const ts = useTabStyles();
  const summary = p.compile?.result.summary ?? null;
  return (
    <div className={ts.tab}>
      <SubmissionPicker lang={p.lang} busy={p.busy} onFiles={p.onFiles} />
      {!summary && <Caption1 className={s.hint}>{t(p.lang, "compileHint")}</Caption1>}
      {summary && <Compiled {...p} summary={summary} written={p.compile?.written ?? null} />}
    </div>
  );
}

function Compiled(p: CompileTabProps & { summary: CompileSummary; written: string[] | null }) {
  const s = useStyles();
  const ts = useTabStyles();
  const { lang, summary: sum } = p;
  const c = sum.counts;
  return (
    <>
      <div className={ts.section}>
        <Text className={s.counts} data-testid="compile-counts">
          {t(lang, "compileCounts", {
            accepted: c.accepted,
            returned: c.returned,
            unreadable: c.unreadable,
            superseded: c.superseded,
          })}
        </Text>
        <Caption1>{t(lang, "compiledLine", { n: sum.rows.length, asOf: sum.asOf })}</Caption1>
        <Caption1>
          {t(lang, sum.units.fromWorkbook ? "unitsFromWorkbook" : "unitsFromSubmissions", { n: sum.units.n })}
        </Caption1>
      </div>
      {sum.skipped.length > 0 && (
        <ul className={s.notes} data-testid="skipped-files">
          {sum.skipped.map((f, i) => (
            <li key={i}>
              <Caption1>{t(lang, SKIP_KEYS[f.why], { name: f.name })}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {!sum.usable && <Text className={ts.bad}>{t(lang, "nothingUsable")}</Text>}
      <SubmissionsTable lang={lang} rows={sum.rows} />
      <div className={ts.row}>
        <Button appearance="primary" disabled={p.busy || !sum.usable} onClick={p.onWriteDistrict}>
          {t(lang, "generateDistrict")}
        </Button>
        <Button disabled={p.busy || sum.returnedUnits === 0} onClick={p.onDownloadNotices}>
          {t(lang, "downloadNotices")}
        </Button>
      </div>
      {p.written && <WrittenSheets lang={lang} written={p.written} onActivateSheet={p.onActivateSheet} />}
    </>
  );
}
