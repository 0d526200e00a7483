/** What a template will insert: the first rows of its block as a table, and its chart's settings. */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Block } from "../../sheets/block";
import { formatNumber } from "../../i18n/lang";
import { useLang, useT } from "./context";

const PREVIEW_ROWS = 14;

const useStyles = makeStyles({
  frame: {
    overflowX: "auto",
    maxHeight: "260px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase100, whiteSpace: "nowrap" },
  cell: { padding: "1px 6px", borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  formula: { color: tokens.colorBrandForeground1, textAlign: "right" },
  header: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  title: { fontWeight: tokens.fontWeightSemibold },
});

export function BlockPreview({ block }: { block: Block }): JSX.Element {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const shown = block.cells.slice(0, PREVIEW_ROWS);
  const width = block.cells[0]?.length ?? 0;
  return (
    <div data-testid="preview">
      <div className={styles.frame} tabIndex={0} role="region" aria-label={t("previewHeading")}>
        <table className={styles.table}>
          <tbody>
            {shown.map((row, r) => {
              const header = r === block.table.row;
              return (
                <tr key={r} className={header ? styles.header : undefined}>
                  {row.map((c, ci) => {
                    const formula = typeof c === "string" && c.startsWith("=");
                    const cls = [
                      styles.cell,
                      typeof c === "number" ? styles.number : "",
                      formula ? styles.formula : "",
                      r === 0 ? styles.title : "",
                    ].join(" ");
                    // Text rows (title, notes) overflow across the empty cells, as in Excel.
                    if (ci > 0 && row.slice(1).every((x) => x === "") && r < block.table.row) return null;
                    const span =
                      ci === 0 && row.slice(1).every((x) => x === "") && r < block.table.row
                        ? width
                        : undefined;
                    return (
                      <td key={ci} className={cls} colSpan={span}>
                        {typeof c === "number" ? formatNumber(c, lang) : c}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Caption1 as="p">{t("previewRows", { shown: shown.length, total: block.cells.length })}</Caption1>
      {block.chart ? (
        <Caption1 as="p" data-testid="chart-preview">
          {t("previewChart", {
            type: block.chart.type,
            title: block.chart.title,
            series: block.chart.data.cols - 1,
            categories: block.chart.data.rows - 1,
          })}{" "}
          {block.chart.categoryAxisTitle
            ? t("previewAxes", {
                category: block.chart.categoryAxisTitle,
                value: block.chart.valueAxisTitle ?? "",
              })
            : null}
        </Caption1>
      ) : null}
    </div>
  );
}
