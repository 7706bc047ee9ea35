// The browser-preview host (see preview-host.ts).
export {
  createPreviewHost,
  type PreviewHost,
  type PreviewHostOptions,
  type PreviewView,
} from "./preview-host";
