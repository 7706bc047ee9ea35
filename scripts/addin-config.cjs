// Build settings of the Excel add-in, shared by webpack.config.js and test/manifest.test.ts.
//   PL_BASE_URL       where dist/ is served (default https://localhost:3000, the dev server); every
//                     URL in dist/manifest.xml starts with it.
//   PL_OFFICE_JS_URL  office.js for the pane's <head> (default Microsoft's CDN); an intranet mirror
//                     for districts without internet access.
const { URL } = require("node:url");

const DEV_BASE_URL = "https://localhost:3000";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** A base URL without a trailing slash; Office loads add-ins over https only. */
function normalizeBaseUrl(raw) {
  const s = String(raw).trim().replace(/\/+$/, "");
  let u;
  try {
    u = new URL(s);
  } catch {
    throw new Error(`PL_BASE_URL is not a URL: ${raw}`);
  }
  if (u.protocol !== "https:")
    throw new Error(`PL_BASE_URL must be an https:// URL (Office requires it): ${raw}`);
  if (u.search || u.hash) throw new Error(`PL_BASE_URL must not have a query or fragment: ${raw}`);
  return s;
}

function addinSettings(env = process.env) {
  return {
    baseUrl: normalizeBaseUrl(env.PL_BASE_URL || DEV_BASE_URL),
    officeJsUrl: String(env.PL_OFFICE_JS_URL || CDN_OFFICE_JS).trim(),
  };
}

function escapeXmlAttr(s) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** manifest.xml (written with the dev URL) → the manifest for `baseUrl`. */
function renderManifest(xml, baseUrl) {
  const base = normalizeBaseUrl(baseUrl);
  return xml.split(DEV_BASE_URL).join(escapeXmlAttr(base));
}

module.exports = { DEV_BASE_URL, CDN_OFFICE_JS, normalizeBaseUrl, addinSettings, renderManifest };
