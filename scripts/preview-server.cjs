// Browser preview of the built task pane: serves dist/ over plain http on 127.0.0.1 (no certificates,
// no Office) and opens at taskpane.html?office=0&sample=1 — the pane without office.js, with the
// sample ledger loaded. `npm run preview` builds and runs it; the e2e test uses startPreviewServer.
//   node scripts/preview-server.cjs [--port 8080]     (default: PL_PREVIEW_PORT or 8080; 0 = any free port)
const { createServer } = require("node:http");
const { createReadStream, existsSync, statSync } = require("node:fs");
const { extname, join, normalize, resolve, sep } = require("node:path");
const { URL } = require("node:url");

const DIST = resolve(__dirname, "..", "dist");
const PREVIEW_PATH = "/taskpane.html?office=0&sample=1";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
};

/** Starts the server; resolves with its URL and a close function. */
function startPreviewServer({ port = 8080, root = DIST } = {}) {
  if (!existsSync(join(root, "taskpane.html")))
    return Promise.reject(new Error(`${root}/taskpane.html is missing: run \`npm run build:addin\` first`));
  const server = createServer((req, res) => {
    const url = new URL(req.url || "/", "http://127.0.0.1");
    if (url.pathname === "/") {
      res.writeHead(302, { Location: PREVIEW_PATH });
      res.end();
      return;
    }
    let path;
    try {
      path = normalize(join(root, decodeURIComponent(url.pathname)));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[extname(path)] || "application/octet-stream",
      "Cache-Control": "no-store",
    });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const actual = server.address().port;
      resolvePromise({
        url: `http://127.0.0.1:${actual}`,
        // every connection ended too: a browser's idle or speculative connection would otherwise
        // hold close() until Node's request timeout (300 s)
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

module.exports = { DIST, PREVIEW_PATH, startPreviewServer };

if (require.main === module) {
  const i = process.argv.indexOf("--port");
  const port = Number(i > 0 ? process.argv[i + 1] : process.env.PL_PREVIEW_PORT || 8080);
  startPreviewServer({ port }).then(
    ({ url }) => {
      console.log(`先锋台账 浏览器预览: ${url}${PREVIEW_PATH}`);
      console.log("(Ctrl+C to stop)");
    },
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
