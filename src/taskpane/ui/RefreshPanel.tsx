/** Refresh all: rewrite every inserted table from the current data, and say what changed and what was kept. */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Translate } from "../../i18n/pane";
import type { Catalog } from "../../sheets/catalog";
import type { PaneActions } from "../actions";
import type { RefreshResult } from "../excel/refresh";
import type { TableReport } from "../plans/refresh";
import { OfficeErrorBar } from "./OfficeErrorBar";
import { useLang, useT } from "./context";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  item: { marginBottom: tokens.spacingVerticalXS },
  name: { fontWeight: tokens.fontWeightSemibold },
  excelName: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  message: { overflowWrap: "anywhere", minWidth: 0 },
});

const SKIPPED = new Set<TableReport["status"]>([
  "no_record",
  "unknown_template",
  "template_changed",
  "missing",
]);

/** What a refresh did to one table, after its status: cells rewritten and kept, rows and columns. */
export function reportDetails(r: TableReport, t: Translate): string {
  const sentences: string[] = [];
  if (r.updated > 0 || r.edited > 0)
    sentences.push(t("refreshDetails", { updated: r.updated, edited: r.edited }));
  if (r.status === "shape_changed") {
    const parts = (
      [
        ["shape_rowsAdded", r.rowsAdded],
        ["shape_columnsAdded", r.columnsAdded],
        ["shape_rowsMissing", r.rowsMissing],
        ["shape_columnsMissing", r.columnsMissing],
      ] as const
    )
      .filter(([, n]) => n > 0)
      .map(([key, count]) => t(key, { count }));
    if (parts.length > 0) sentences.push(`${parts.join(", ")}.`);
  }
  return sentences.join(" ");
}

export function RefreshPanel({
  catalog,
  actions,
  canUseExcel,
}: {
  /** Names each refreshed table by its template's number or title. */
  catalog: Catalog;
  actions: PaneActions;
  canUseExcel: boolean;
}): JSX.Element {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RefreshResult | undefined>();
  const [error, setError] = useState<unknown>();

  async function refresh(): Promise<void> {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await actions.refreshAll());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const reports = result?.plan.reports ?? [];
  const cells = reports.reduce((n, r) => n + r.updated, 0);
  /** "Table 5" or a chart's title: what the user inserted, when this version knows the template. */
  const nameOf = (r: TableReport): string | undefined => {
    const template = r.template ? catalog.get(r.template) : undefined;
    if (!template) return undefined;
    return template.kind === "table" ? template.number(lang) : template.title(lang);
  };
  return (
    <div className={styles.stack}>
      <p>{t("refreshIntro")}</p>
      <Button
        appearance="primary"
        disabled={!canUseExcel || busy}
        onClick={() => void refresh()}
        data-testid="refresh"
      >
        {t("refreshButton")}
      </Button>
      {busy ? <span role="status">{t("working")}</span> : null}
      {error !== undefined ? <OfficeErrorBar error={error} /> : null}
      {result?.plan.damaged ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.message}>{t("refreshDamaged")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {result && reports.length === 0 ? (
        <MessageBar intent="info" layout="multiline" data-testid="refresh-summary">
          <MessageBarBody className={styles.message}>{t("refreshNone")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {reports.length > 0 ? (
        <>
          <MessageBar intent="success" layout="multiline" data-testid="refresh-summary">
            <MessageBarBody className={styles.message}>
              {t("refreshSummary", {
                tables: reports.length,
                cells,
                skipped: reports.filter((r) => SKIPPED.has(r.status)).length,
              })}
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.list} data-testid="refresh-report">
            {reports.map((r) => {
              const name = nameOf(r);
              const details = reportDetails(r, t);
              return (
                <li key={r.table} data-status={r.status} className={styles.item}>
                  {name ? <span className={styles.name}>{name}</span> : null}{" "}
                  <span className={styles.excelName}>{name ? `(${r.table})` : r.table}</span>:{" "}
                  {t(`status_${r.status}`)}
                  {details ? ` — ${details}` : ""}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}
