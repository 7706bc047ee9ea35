// 考评表彰 after a run: links that activate each written sheet, and the 未入选说明 count (a link when
// that sheet was written).
import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { RESULT_SHEETS } from "../../engine/schema";
import { t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import { useTabStyles } from "./styles";

const useStyles = makeStyles({
  links: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
});

export function WrittenSheets(p: { lang: Lang; written: string[]; onActivateSheet: (name: string) => void }) {
  const s = useStyles();
  const ts = useTabStyles();
  if (!p.written.length) return null;
  return (
    <section className={ts.section} aria-label={t(p.lang, "writtenSheets")}>
      <h2 className={ts.heading}>{t(p.lang, "writtenSheets")}</h2>
      <div className={s.links}>
        {p.written.map((name) => (
          <Link key={name} as="button" onClick={() => p.onActivateSheet(name)}>
            {name}
          </Link>
        ))}
      </div>
    </section>
  );
}

export function NotSelectedCount(p: {
  lang: Lang;
  n: number;
  written: string[];
  onActivateSheet: (name: string) => void;
}) {
  const text = t(p.lang, "notSelectedCount", { n: p.n });
  return (
    <div>
      {p.written.includes(RESULT_SHEETS.notSelected) ? (
        <Link as="button" onClick={() => p.onActivateSheet(RESULT_SHEETS.notSelected)}>
          {text}
        </Link>
      ) : (
        <Text size={200}>{text}</Text>
      )}
    </div>
  );
}
