// The progress of the current run (stage, count, 取消) and the outcome of the last one (MessageBar).
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { HostProgress } from "../../hosts/host";
import { t } from "../../i18n/pane";
import { render, type Lang } from "../../i18n/text";
import type { PaneMessage } from "../../app/errors";

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  progress: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

/** Stays at the top while the pane scrolls: the run in progress and the outcome of the last one. */
export function RunStatusBar(props: {
  lang: Lang;
  progress: HostProgress | null;
  message: PaneMessage | null;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const s = useStyles();
  const { lang, progress, message } = props;
  if (!progress && !message) return null;
  return (
    <div className={s.bar}>
      {progress && <RunProgress lang={lang} progress={progress} onCancel={props.onCancel} />}
      {message && <RunMessage lang={lang} message={message} onDismiss={props.onDismiss} />}
    </div>
  );
}

export function progressText(p: HostProgress, lang: Lang): string {
  const stage = render(p.stage, lang);
  return p.total > 0 ? `${stage} ${p.done}/${p.total}` : stage;
}

export function RunProgress(props: { lang: Lang; progress: HostProgress; onCancel: () => void }) {
  const s = useStyles();
  const { progress: p, lang } = props;
  const value = p.total > 0 ? Math.min(1, p.done / p.total) : undefined;
  return (
    <div className={s.progress} role="status" aria-live="polite">
      <Field className={s.field} validationMessage={progressText(p, lang) || "…"} validationState="none">
        <ProgressBar value={value} thickness="large" />
      </Field>
      <Button onClick={props.onCancel}>{t(lang, "cancel")}</Button>
    </div>
  );
}

export function RunMessage(props: { lang: Lang; message: PaneMessage; onDismiss: () => void }) {
  const { message: m } = props;
  return (
    <MessageBar intent={m.intent} layout="multiline">
      <MessageBarBody>
        {m.title && <MessageBarTitle>{m.title}</MessageBarTitle>}
        {m.text}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" onClick={props.onDismiss}>
            {t(props.lang, "dismiss")}
          </Button>
        }
      />
    </MessageBar>
  );
}
