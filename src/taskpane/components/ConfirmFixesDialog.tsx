// 应用所选修正 asks first: `将修改 n 个单元格…` with 确定修改 / 不修改.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";

export interface ConfirmFixesDialogProps {
  lang: Lang;
  open: boolean;
  count: number;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmFixesDialog(p: ConfirmFixesDialogProps) {
  const { lang } = p;
  return (
    <Dialog open={p.open} onOpenChange={(_, d) => !d.open && p.onClose()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t(lang, "confirmTitle")}</DialogTitle>
          <DialogContent>{t(lang, "confirmBody", { n: p.count })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={p.onConfirm}>
              {t(lang, "confirmOk")}
            </Button>
            <Button onClick={p.onClose}>{t(lang, "confirmCancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
