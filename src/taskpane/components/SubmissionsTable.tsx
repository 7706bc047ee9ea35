// The submissions table of 汇总报送: file, unit, status (合格 / 退回修改 / 无法读取 / 已被替代),
// errors, warnings. A file name opens (and closes) that file's findings in a row below it.
import { Fragment, useState } from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneStatus, SubmissionRow } from "../../app/results/compile-summary";
import { t, type TextKey } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import { SubmissionFindings } from "./SubmissionFindings";
import { useTabStyles } from "./styles";

export const STATUS_KEYS: Record<PaneStatus, TextKey> = {
  accepted: "statusAccepted",
  returned: "statusReturned",
  unreadable: "statusUnreadable",
  superseded: "statusSuperseded",
};

const useStyles = makeStyles({
  table: { tableLayout: "fixed" },
  file: { width: "34%" },
  unit: { width: "30%" },
  status: { width: "18%" },
  num: { width: "9%" },
  wrap: { wordBreak: "break-all", overflowWrap: "anywhere" },
  link: { textAlign: "left", fontSize: "inherit", wordBreak: "break-all", overflowWrap: "anywhere" },
  details: { backgroundColor: tokens.colorNeutralBackground2 },
  nowrap: { whiteSpace: "nowrap" },
});

export function SubmissionsTable(p: { lang: Lang; rows: SubmissionRow[] }) {
  const s = useStyles();
  const ts = useTabStyles();
  const { lang } = p;
  // The submission whose findings are open: a new compilation has other objects, so none is open.
  const [open, setOpen] = useState<SubmissionRow["submission"] | null>(null);
  const statusClass: Record<PaneStatus, string> = {
    accepted: ts.ok,
    returned: ts.bad,
    unreadable: ts.bad,
    superseded: ts.muted,
  };
  return (
    <table className={`${ts.table} ${s.table}`} data-testid="submissions-table">
      <thead>
        <tr>
          <th className={s.file}>{t(lang, "colFile")}</th>
          <th className={s.unit}>{t(lang, "colUnit")}</th>
          <th className={s.status}>{t(lang, "colStatus")}</th>
          <th className={s.num} data-num="">
            {t(lang, "colErrors")}
          </th>
          <th className={s.num} data-num="">
            {t(lang, "colWarnings")}
          </th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((row, i) => (
          <Fragment key={i}>
            <tr data-status={row.status}>
              <td>
                <Link
                  as="button"
                  className={s.link}
                  aria-expanded={open === row.submission}
                  onClick={() => setOpen(open === row.submission ? null : row.submission)}
                >
                  {row.file}
                </Link>
              </td>
              <td className={s.wrap}>{row.unit}</td>
              <td className={`${statusClass[row.status]} ${s.nowrap}`}>{t(lang, STATUS_KEYS[row.status])}</td>
              <td data-num="">{row.errors}</td>
              <td data-num="">{row.warnings}</td>
            </tr>
            {open === row.submission && (
              <tr className={s.details}>
                <td colSpan={5} aria-label={t(lang, "submissionFindings", { file: row.file })}>
                  <SubmissionFindings lang={lang} submission={row.submission} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
