/**
 * The pane's status line: inside Excel with the API sets it needs, or a clear message why not
 * (office.js missing, opened in a browser, another Office host, an Excel too old).
 */
import type { Translate } from "../../i18n/pane";

/** What Office.onReady reports: host and platform are null when the page is not inside Office. */
export interface HostInfo {
  host: string | null;
  platform: string | null;
}

/** Inserting and refreshing need ExcelApi 1.7 (CenterAcrossSelection, chart gap width, settings). */
export const REQUIRED_API = "1.7";
/** The population pyramid's overlapping bars need 1.8; without it the chart is still inserted. */
export const PYRAMID_API = "1.8";

export type HostState = "no-office" | "outside" | "other-host" | "api-missing" | "ready";

export interface Status {
  state: HostState;
  text: string;
  /** Whether Excel actions (insert, refresh, explain) can run. */
  canUseExcel: boolean;
  /** Notes on optional features this Excel lacks. */
  notes: string[];
}

/** Office's platform names (Office.PlatformType), as users call them. */
const PLATFORMS = ["PC", "Mac", "OfficeOnline", "iOS", "Android", "Universal"] as const;

/** "Windows", "the web"…: Office's platform code in words; an unknown code is shown as Office gives it. */
export function platformName(platform: string | null, t: Translate): string {
  const known = PLATFORMS.find((p) => p === platform);
  return known ? t(`platform_${known}`) : (platform ?? "Office");
}

export function statusFor(
  info: HostInfo | undefined,
  supports: (version: string) => boolean,
  t: Translate,
): Status {
  if (info === undefined)
    return { state: "no-office", text: t("statusOfficeMissing"), canUseExcel: false, notes: [] };
  if (info.host === null)
    return { state: "outside", text: t("statusOutside"), canUseExcel: false, notes: [] };
  if (info.host !== "Excel")
    return {
      state: "other-host",
      text: t("statusNotExcel", { host: info.host }),
      canUseExcel: false,
      notes: [],
    };
  if (!supports(REQUIRED_API))
    return {
      state: "api-missing",
      text: t("statusApiMissing", { version: REQUIRED_API }),
      canUseExcel: false,
      notes: [],
    };
  return {
    state: "ready",
    text: t("statusReady", { platform: platformName(info.platform, t) }),
    canUseExcel: true,
    notes: supports(PYRAMID_API) ? [] : [t("statusPyramid")],
  };
}
