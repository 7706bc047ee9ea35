export declare const DIST: string;
export declare const PREVIEW_PATH: string;
export declare function startPreviewServer(o?: {
  port?: number;
  root?: string;
}): Promise<{ url: string; close: () => Promise<void> }>;
