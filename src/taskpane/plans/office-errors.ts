/**
 * Office errors as the user reads them: what happened and what to do. Office.js rejects with an
 * OfficeExtension.Error ({ code, message, debugInfo }); anything else is shown with its message.
 */
import type { Translate } from "../../i18n/pane";
import { textOf } from "./text";

export interface PaneError {
  code: string;
  /** What to tell the user, in the pane's language. */
  text: string;
}

function parts(error: unknown): { code: string; message: string } {
  if (typeof error === "object" && error !== null) {
    const e = error as { code?: unknown; message?: unknown };
    return {
      code: typeof e.code === "string" ? e.code : "Error",
      message: typeof e.message === "string" ? e.message : textOf(error),
    };
  }
  return { code: "Error", message: textOf(error) };
}

export function describeOfficeError(error: unknown, t: Translate): PaneError {
  const { code, message } = parts(error);
  const text = ((): string => {
    switch (code) {
      case "InvalidOperationInCellEditMode":
        return t("errCellEdit");
      case "AccessDenied":
      case "WorkbookProtected":
      case "SheetProtected":
        return t("errProtected");
      case "ItemAlreadyExists":
        return t("errExists", { message });
      case "InvalidArgument":
      case "InvalidReference":
        return t("errArgument", { message });
      case "ActivityLimitReached":
      case "RequestAborted":
      case "Conflict":
        return t("errBusy");
      case "InvalidSelection":
        return t("errSelection");
      case "ExcelUnavailable":
        return t("errNoExcel");
      default:
        if (/protect/i.test(message)) return t("errProtected");
        return t("errGeneric", { code, message });
    }
  })();
  return { code, text };
}
