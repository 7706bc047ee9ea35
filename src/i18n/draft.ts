// What a draft and a provisional list say (ledger-format.md §5.1), in every host: the line under the
// 表彰名单 title, the pane's warning and the CLI's line are one text.
import type { Draft } from "../engine/evaluate";
import { type Lang, render, textOf } from "./text";

export const DRAFT_TEXTS = textOf({
  line: {
    "zh-CN": "台账尚有{errors}处错误，{unscored}个对象因错误未参加考评；改正后请重新考评。",
    en: "The ledger still has {errors} errors and {unscored} organisations and members were left out of scoring because of them; correct them and evaluate again.",
  },
  titleMark: { "zh-CN": "（试算稿）", en: " (draft)" },
  provisional: { "zh-CN": "拟推荐", en: "proposed" },
});

/** `台账尚有N处错误，M个对象因错误未参加考评；改正后请重新考评。` */
export function draftLine(d: Draft, lang: Lang): string {
  return render(DRAFT_TEXTS.line, lang, { errors: d.errors, unscored: d.unscored });
}
