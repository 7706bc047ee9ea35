// 汇总报送's drop zone with the button `选择报送文件`: many files at once, picked or dropped. Every file
// is handed on (lock files and files that are not .xlsx are named as skipped by the compilation).
import { useRef, useState } from "react";
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  file: { display: "none" },
});

export function SubmissionPicker(p: { lang: Lang; busy: boolean; onFiles: (files: File[]) => void }) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null | undefined) => {
    const files = list ? Array.from(list) : [];
    if (files.length && !p.busy) p.onFiles(files);
  };
  return (
    <div
      className={mergeClasses(s.zone, over && s.over)}
      role="group"
      aria-label={t(p.lang, "dropZone")}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files);
      }}
    >
      <Text size={200} className={s.hint}>
        {t(p.lang, "dropHint")}
      </Text>
      <Button appearance="primary" disabled={p.busy} onClick={() => input.current?.click()}>
        {t(p.lang, "pickSubmissions")}
      </Button>
      <input
        ref={input}
        className={s.file}
        type="file"
        multiple
        accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="submission-input"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const files = e.target.files;
          take(files);
          e.target.value = "";
        }}
      />
    </div>
  );
}
