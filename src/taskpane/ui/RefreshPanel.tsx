/** Refresh all: rewrite every inserted table from the current data, and say what changed and what was kept. */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { PaneActions } from "../actions";
import type { RefreshResult } from "../excel/refresh";
import type { TableReport } from "../plans/refresh";
import { OfficeErrorBar } from "./OfficeErrorBar";
import { useT } from "./context";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  name: { fontFamily: tokens.fontFamilyMonospace },
});

const SKIPPED = new Set<TableReport["status"]>([
  "no_record",
  "unknown_template",
  "template_changed",
  "missing",
]);

export function RefreshPanel({
  actions,
  canUseExcel,
}: {
  actions: PaneActions;
  canUseExcel: boolean;
}): JSX.Element {
  const t = useT();
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
        <MessageBar intent="error">
          <MessageBarBody>{t("refreshDamaged")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {result && reports.length === 0 ? (
        <MessageBar intent="info" data-testid="refresh-summary">
          <MessageBarBody>{t("refreshNone")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {reports.length > 0 ? (
        <>
          <MessageBar intent="success" data-testid="refresh-summary">
            <MessageBarBody>
              {t("refreshSummary", {
                tables: reports.length,
                cells,
                skipped: reports.filter((r) => SKIPPED.has(r.status)).length,
              })}
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.list} data-testid="refresh-report">
            {reports.map((r) => (
              <li key={r.table} data-status={r.status}>
                <span className={styles.name}>{r.table}</span>: {t(`status_${r.status}`)}
                {r.updated > 0 || r.edited > 0
                  ? ` — ${t("refreshDetails", { updated: r.updated, edited: r.edited })}`
                  : ""}
                {r.status === "shape_changed" ? ` ${t("refreshShape", { ...r })}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
