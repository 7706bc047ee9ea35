// Browser preview (no Excel): the banner `浏览器预览：未连接 Excel` with `打开台账文件` (.xlsx),
// `载入示例台账` and `下载结果工作簿`.
import { useRef } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  file: { display: "none" },
});

export interface PreviewBannerProps {
  lang: Lang;
  busy: boolean;
  /** The name of the workbook in memory, if any. */
  current?: string;
  canDownload: boolean;
  onOpenFile: (file: File) => void;
  onLoadSample: () => void;
  onDownload: () => void;
}

export function PreviewBanner(p: PreviewBannerProps) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const { lang } = p;
  return (
    <div className={s.root}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(lang, "previewBanner")}</MessageBarTitle>
          {p.current ? t(lang, "loaded", { name: p.current }) : t(lang, "previewHint")}
        </MessageBarBody>
      </MessageBar>
      <div className={s.buttons}>
        <Button disabled={p.busy} onClick={() => input.current?.click()}>
          {t(lang, "openFile")}
        </Button>
        <input
          ref={input}
          className={s.file}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="file-input"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) p.onOpenFile(f);
          }}
        />
        <Button disabled={p.busy} onClick={p.onLoadSample}>
          {t(lang, "loadSample")}
        </Button>
        <Button disabled={p.busy || !p.canDownload} onClick={p.onDownload}>
          {t(lang, "download")}
        </Button>
      </div>
    </div>
  );
}
