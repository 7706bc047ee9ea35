// The one shape of user-facing text: a Text holds the same message in every language of the product
// (zh-CN first, the default, and en), with {name} placeholders filled from params. Every table of
// texts in src/i18n is a record of Texts made with `textOf`; test/i18n.test.ts checks that each Text
// has both languages and the same placeholders in both.

export type Lang = "zh-CN" | "en";
export const LANGS: readonly Lang[] = ["zh-CN", "en"];

export type Text = Readonly<Record<Lang, string>>;

/**
 * A placeholder's value. A Text value gives each language its own wording (a list joined with 、 or
 * with commas, a detail only one language shows); `undefined` renders as "".
 */
export type Param = string | number | Text | undefined;
export type Params = Readonly<Record<string, Param>>;

const PLACEHOLDER = /\{(\w+)\}/g;

export function isText(v: unknown): v is Text {
  if (typeof v !== "object" || v === null) return false;
  const keys = Object.keys(v);
  return (
    keys.length === LANGS.length && LANGS.every((l) => typeof (v as Record<string, unknown>)[l] === "string")
  );
}

/** The text in one language, its {placeholders} filled (a missing param renders as ""). */
export function render(text: Text, lang: Lang, params: Params = {}): string {
  return text[lang].replace(PLACEHOLDER, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return "";
    return typeof v === "object" ? v[lang] : String(v);
  });
}

/** The text with its placeholders filled, still in every language (what an error or a note carries). */
export function fill(text: Text, params: Params = {}): Text {
  return { "zh-CN": render(text, "zh-CN", params), en: render(text, "en", params) };
}

/** The names of the {placeholders} in a string, sorted and without repeats. */
export function placeholdersOf(s: string): string[] {
  return [...new Set([...s.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/** A table of texts: keeps its keys for `keyof`, checks every entry is a Text. */
export function textOf<K extends string>(table: Record<K, Text>): Readonly<Record<K, Text>> {
  return table;
}

/** `t(lang, key, params)` over one table. */
export function translator<K extends string>(table: Readonly<Record<K, Text>>) {
  return (lang: Lang, key: K, params: Params = {}): string => render(table[key], lang, params);
}

/** Each language by its own name (the language picker shows them so in every language). */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { "zh-CN": "中文", en: "English" };

/** How a list is joined in running text. */
export const LIST_SEPARATOR: Text = { "zh-CN": "、", en: ", " };

/** A list as a Param: joined with 、 in zh-CN and with commas in en. */
export function listOf(items: readonly string[]): Text {
  return { "zh-CN": items.join(LIST_SEPARATOR["zh-CN"]), en: items.join(LIST_SEPARATOR.en) };
}
