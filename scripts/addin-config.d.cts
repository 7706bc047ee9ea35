export declare const DEV_BASE_URL: string;
export declare const CDN_OFFICE_JS: string;
export declare function normalizeBaseUrl(raw: string): string;
export declare function addinSettings(env?: Record<string, string | undefined>): {
  baseUrl: string;
  officeJsUrl: string;
};
export declare function renderManifest(xml: string, baseUrl: string): string;
