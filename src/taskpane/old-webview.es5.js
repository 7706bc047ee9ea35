/* global window, document */
/* eslint-disable @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding: `catch (_e)` */
// Old webviews. Excel 2019 volume-licensed shows add-ins in Internet Explorer 11 (Trident), Excel
// 2019 retail without the WebView2 runtime and older Microsoft 365 builds in legacy Edge (EdgeHTML).
// Neither runs the ES2020 bundle: the pane would hang on its loading line and the ribbon buttons do
// nothing. This script is inlined at the start of both pages (taskpane.html, commands.html) by the
// build, before office.js and the bundle and independent of them, so it is ES5 ONLY: no arrow
// functions, no const/let, no template strings, no classes (test/taskpane/old-webview.test.ts parses
// it as ES5). The build puts the message (src/i18n/old-webview.json) in PL_OLD_WEBVIEW_TEXT first.
(function (w, d) {
  var ua = (w.navigator && w.navigator.userAgent) || "";
  // Trident: IE11 says "Trident/7.0", IE ≤ 10 "MSIE". EdgeHTML says "Edge/18.…"; Chromium Edge "Edg/".
  var old = /Trident\/|MSIE /.test(ua) || /\bEdge\/\d+/.test(ua);
  if (!old) return;
  w.PL_OLD_WEBVIEW = true; // the bundle, should it parse at all, checks this and stays out
  var text = w.PL_OLD_WEBVIEW_TEXT || { title: {}, body: {} };
  d.write("<style>#root,#notice{display:none!important}</style>");

  function paragraph(box, s, lang, strong) {
    var p = d.createElement(strong ? "h1" : "p");
    p.setAttribute("lang", lang);
    p.style.fontSize = strong ? "16px" : "14px";
    p.style.lineHeight = "1.6";
    p.appendChild(d.createTextNode(s || ""));
    box.appendChild(p);
  }

  function show() {
    if (d.getElementById("old-webview")) return;
    var box = d.createElement("div");
    box.id = "old-webview";
    box.setAttribute("role", "alert");
    box.style.padding = "12px";
    box.style.fontFamily = '"Segoe UI", "Microsoft YaHei", sans-serif';
    paragraph(box, text.title["zh-CN"], "zh-CN", true);
    paragraph(box, text.body["zh-CN"], "zh-CN", false);
    paragraph(box, text.body.en, "en", false);
    d.body.insertBefore(box, d.body.firstChild);
    d.title = text.title["zh-CN"] || d.title;
  }

  // Inside Office: office.js (loaded after this script) wants Office.initialize before it is ready,
  // and the ribbon's function commands (commands.html) answer with the message in a small dialog,
  // completing at once when no dialog can open and at the latest after a minute.
  function dialogUrl() {
    return w.location.href.split("?")[0].split("#")[0] + "?office=0&old=1";
  }
  function command(event) {
    var done = false;
    function complete() {
      if (done) return;
      done = true;
      try {
        event.completed();
      } catch (_e) {
        // nothing more to do
      }
    }
    try {
      var Office = w.Office;
      Office.context.ui.displayDialogAsync(
        dialogUrl(),
        { height: 40, width: 40, displayInIframe: true },
        function (result) {
          if (result.status !== "succeeded") return complete();
          var dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogEventReceived, complete);
          w.setTimeout(function () {
            try {
              dialog.close();
            } catch (_e) {
              // already closed
            }
            complete();
          }, 60000);
        }
      );
    } catch (_e) {
      complete();
    }
  }
  w.validateLedger = command;
  w.evaluateLedger = command;

  function ready() {
    show();
    var Office = w.Office;
    if (!Office) return;
    try {
      Office.initialize = function () {};
      if (Office.actions && Office.actions.associate) {
        Office.actions.associate("validateLedger", command);
        Office.actions.associate("evaluateLedger", command);
      }
    } catch (_e) {
      // an office.js that is not ready for this is left alone: the message is shown anyway
    }
  }
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", ready);
  else ready();
})(window, document);
