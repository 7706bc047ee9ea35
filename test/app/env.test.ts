// Where the pane runs: Excel only when office.js is there and Office.onReady says Excel; the theme
// from Office when it gives one, else the system's; settings survive a broken storage.
import { detectEnvironment, systemTheme } from "../../src/app/env";
import { DEFAULT_SETTINGS, loadSettings, saveSettings, settingsKey } from "../../src/app/settings";
import { officeTheme } from "../../src/hosts/office/env";

function win(search: string, office?: unknown, dark = false) {
  return {
    location: { search },
    matchMedia: (q: string) => ({ matches: dark && q.includes("dark") }),
    Office: office,
  } as unknown as Window & { Office?: unknown };
}

const office = (host: string | null, bg?: string) => ({
  onReady: () => Promise.resolve({ host, platform: null }),
  HostType: { Excel: "Excel" },
  context: bg ? { officeTheme: { bodyBackgroundColor: bg } } : {},
});

describe("detectEnvironment", () => {
  test("no office.js → browser preview, system theme", async () => {
    expect(await detectEnvironment({ win: win("", undefined, true) })).toEqual({
      kind: "preview",
      theme: "dark",
      sample: false,
      lang: undefined,
    });
  });

  test("office.js outside Office (host null) → browser preview", async () => {
    expect((await detectEnvironment({ win: win("?sample=1", office(null)) })).kind).toBe("preview");
  });

  test("Excel → excel, the Office theme wins over the system's", async () => {
    const env = await detectEnvironment({ win: win("", office("Excel", "#262626")) });
    expect(env).toMatchObject({ kind: "excel", theme: "dark" });
    expect((await detectEnvironment({ win: win("", office("Excel", "#FFFFFF"), true) })).theme).toBe("light");
    expect((await detectEnvironment({ win: win("", office("Excel"), true) })).theme).toBe("dark");
  });

  test("?office=0 forces preview; ?sample=1 and ?lang=en are read", async () => {
    expect(
      await detectEnvironment({ win: win("?office=0&sample=1&lang=en", office("Excel")) }),
    ).toMatchObject({
      kind: "preview",
      sample: true,
      lang: "en",
    });
  });

  test("an Office.onReady that never answers falls back to preview", async () => {
    const never = { onReady: () => new Promise(() => {}) };
    expect((await detectEnvironment({ win: win("", never), timeoutMs: 20 })).kind).toBe("preview");
  });

  test("theme helpers never throw", () => {
    expect(officeTheme(undefined)).toBeUndefined();
    expect(
      officeTheme({ context: { officeTheme: { bodyBackgroundColor: "not a colour" } } }),
    ).toBeUndefined();
    expect(systemTheme(undefined)).toBe("light");
    expect(
      systemTheme({
        matchMedia: () => {
          throw new Error("no");
        },
      } as unknown as Window),
    ).toBe("light");
  });
});

describe("settings", () => {
  test("round trip, and defaults when storage is empty, broken or holds junk", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
    const s = { lang: "en" as const, highlightColor: "#FFC7CE", resultSheets: ["表彰名单", "校验结果"] };
    saveSettings(s, storage);
    expect(loadSettings(storage)).toEqual({ ...s, resultSheets: ["校验结果", "表彰名单"] });
    store.set([...store.keys()][0], "{not json");
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    };
    expect(loadSettings(broken)).toEqual(DEFAULT_SETTINGS);
    expect(() => saveSettings(s, broken)).not.toThrow();
  });
});

test("settings are keyed with Office.context.partitionKey when Office gives one", () => {
  const store = new Map<string, string>();
  const storage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
  };
  const g = globalThis as { Office?: unknown };
  const s = { lang: "en" as const, highlightColor: "#FFC7CE", resultSheets: ["校验结果"] };
  try {
    g.Office = { context: { partitionKey: "p-7f3a" } };
    saveSettings(s, storage);
    expect([...store.keys()]).toEqual(["p-7f3apioneer-ledger.settings"]);
    expect(loadSettings(storage)).toEqual(s);
    // another partition (another document's add-in instance on the web) does not see them
    g.Office = { context: { partitionKey: "p-other" } };
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
    // a context whose partitionKey throws (outside Office) means the plain key
    g.Office = {
      context: {
        get partitionKey() {
          throw new Error("not in Office");
        },
      },
    };
    expect(settingsKey()).toBe("pioneer-ledger.settings");
  } finally {
    delete g.Office;
  }
});

describe("a slow Office.onReady inside Office", () => {
  const HOST_INFO = "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0";

  test("opened by Office (its host parameters in the URL): waits longer, says so once, then answers", async () => {
    let answer: (v: { host: string; platform: null }) => void = () => {};
    const late = {
      onReady: () => new Promise((r) => (answer = r)),
      HostType: { Excel: "Excel" },
      context: {},
    };
    let slow = 0;
    const pending = detectEnvironment({
      win: win(HOST_INFO, late),
      timeoutMs: 10,
      officeTimeoutMs: 2_000,
      onSlow: () => slow++,
    });
    await new Promise((r) => setTimeout(r, 60)); // past the short wait: still waiting, and said so
    expect(slow).toBe(1);
    answer({ host: "Excel", platform: null });
    expect((await pending).kind).toBe("excel");
  });

  test("opened by Office and office.js never answers: stalled (a retry message), not the browser preview", async () => {
    const never = { onReady: () => new Promise(() => {}) };
    const env = await detectEnvironment({ win: win(HOST_INFO, never), timeoutMs: 5, officeTimeoutMs: 20 });
    expect(env).toMatchObject({ kind: "preview", stalled: true });
    // office.js missing altogether inside Office (a mirror down): the same
    expect((await detectEnvironment({ win: win(HOST_INFO, undefined) })).stalled).toBe(true);
  });

  test("a plain browser without host parameters keeps the short wait and falls back to preview", async () => {
    const never = { onReady: () => new Promise(() => {}) };
    let slow = 0;
    const env = await detectEnvironment({
      win: win("?sample=1", never),
      timeoutMs: 10,
      officeTimeoutMs: 60_000,
      onSlow: () => slow++,
    });
    expect(env.kind).toBe("preview");
    expect(env.stalled).toBeUndefined();
    expect(slow).toBe(0);
  });
});
