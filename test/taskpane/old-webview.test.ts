// The old-webview check must run in Internet Explorer 11: it is ES5 (parsed here as ES5, which fails
// on an arrow function, const/let, a template string or a trailing comma in a call), and it is the
// first script of both page templates, before office.js and the bundle.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";

const ROOT = join(__dirname, "..", "..");
const SCRIPT = readFileSync(join(ROOT, "src/taskpane/old-webview.es5.js"), "utf8");

test("the script is ES5", () => {
  expect(() => parse(SCRIPT, { ecmaVersion: 5 })).not.toThrow();
  // the parse is strict enough to fail on what a later edit would bring in
  for (const bad of ["var f = () => 1;", "const a = 1;", "var s = `x`;", "f(1,);"])
    expect(() => parse(bad, { ecmaVersion: 5 })).toThrow();
});

test.each(["src/taskpane/taskpane.html", "src/commands/commands.html"])(
  "%s runs it first, with its message, before office.js",
  (page) => {
    const html = readFileSync(join(ROOT, page), "utf8");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts[0]).toContain("<%= oldWebview.script %>");
    expect(scripts[0]).toContain("PL_OLD_WEBVIEW_TEXT = <%= JSON.stringify(oldWebview.text) %>");
    expect(html.indexOf("oldWebview.script")).toBeLessThan(html.indexOf("officeJsUrl"));
  },
);
