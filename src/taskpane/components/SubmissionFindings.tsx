// One submission's findings, opened from its row of the submissions table: why it goes back (or was
// set aside), then each finding with its severity, cell and message (ID numbers masked).
import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Submission } from "../../engine/compile";
import { messageOf } from "../../i18n/findings";
import { reasonText } from "../../i18n/submissions";
import { SEVERITY_ITEM_KEYS, t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import { maskIdCard } from "../../report/mask";

const PAGE = 50;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  reason: { fontWeight: tokens.fontWeightSemibold, wordBreak: "break-word" },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: {
    listStyle: "none",
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    wordBreak: "break-word",
  },
  sev: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  where: { color: tokens.colorNeutralForeground2 },
});

export function SubmissionFindings(p: { lang: Lang; submission: Submission }) {
  const s = useStyles();
  const { lang, submission: sub } = p;
  const [shown, setShown] = useState(PAGE);
  const reason = reasonText(sub, lang);
  const findings = sub.findings.slice(0, shown);
  const more = sub.findings.length - findings.length;
  return (
    <div className={s.root} data-testid="submission-findings">
      {reason && <div className={s.reason}>{t(lang, "submissionReason", { reason })}</div>}
      {!reason && !sub.findings.length && <div>{t(lang, "noFindings")}</div>}
      {findings.length > 0 && (
        <ul className={s.list}>
          {findings.map((f, i) => (
            <li key={i} className={s.item}>
              <span className={`${s.sev} ${s[f.severity]}`}>{t(lang, SEVERITY_ITEM_KEYS[f.severity])}</span>
              <span>
                {f.sheet && <span className={s.where}>{`${f.sheet}${f.cell ? "!" + f.cell : ""} `}</span>}
                {maskIdCard(messageOf(f, lang))}
              </span>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && (
        <div>
          <Button size="small" onClick={() => setShown((n) => n + PAGE)}>
            {t(lang, "showMore", { n: Math.min(PAGE, more) })}
          </Button>
        </div>
      )}
    </div>
  );
}
