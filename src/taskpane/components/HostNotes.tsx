// What this Excel cannot do, as small notes under the header (in the clerk's language).
import { makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../i18n/pane";
import { render, type Lang } from "../../i18n/text";
import type { HostNote } from "../../hosts/host";

const useStyles = makeStyles({
  notes: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
});

export function HostNotes(props: { lang: Lang; notes: HostNote[] }) {
  const s = useStyles();
  if (!props.notes.length) return null;
  return (
    <ul className={s.notes} aria-label={t(props.lang, "hostNotes")}>
      {props.notes.map((n) => (
        <li key={n["zh-CN"]}>{render(n, props.lang)}</li>
      ))}
    </ul>
  );
}
