/**
 * What a template will insert: a chart template as the chart itself (drawn on demand, see
 * ChartPicture), a table template as a compact table (plans/table-picture: title, unit, grouped
 * headings, nested labels folded into one column, the first rows with their totals in bold, notes
 * and source), figures in their cells' number formats; in live mode the formulas' current values,
 * in blue. The table scrolls sideways inside its frame when wider than the pane, never the pane.
 */
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useMemo } from "react";
import type { Block } from "../../sheets/block";
import { STATIC_FILL } from "../../sheets/table-block";
import type { Translate } from "../../i18n/pane";
import { tablePicture } from "../plans/table-picture";
import { useLang, useT } from "./context";

// The chart renderer is its own chunk: the pane's first render does not load it.
const ChartPicture = lazy(() => import(/* webpackChunkName: "chart-picture" */ "./ChartPicture"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  frame: {
    overflowX: "auto",
    maxWidth: "100%",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  chartFrame: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: "#FFFFFF",
    color: "#404040",
  },
  title: { fontWeight: tokens.fontWeightSemibold, margin: 0, overflowWrap: "anywhere" },
  unit: { fontStyle: "italic", color: tokens.colorNeutralForeground3, margin: 0, overflowWrap: "anywhere" },
  // As wide as its columns need (the frame scrolls sideways): words wrap, they are never cut.
  table: {
    borderCollapse: "collapse",
    width: "max-content",
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    overflowWrap: "normal",
  },
  cell: {
    padding: "1px 3px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: "top",
  },
  // Label and heading texts wrap within a width (a div's max-width: table cells ignore theirs).
  label: { maxWidth: "8.5em", width: "max-content" },
  headingText: { maxWidth: "6em", width: "max-content", margin: "0 auto" },
  stub: { textAlign: "left", fontWeight: "inherit" },
  stubHeading: { textAlign: "left" },
  heading: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: "center",
    verticalAlign: "bottom",
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  live: { color: tokens.colorBrandForeground1 },
  bold: { fontWeight: tokens.fontWeightSemibold },
  more: { color: tokens.colorNeutralForeground3, textAlign: "center" },
  note: { margin: 0, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface BlockPreviewProps {
  block: Block;
  /** The template's static block, whose figures a live block's formulas return (default: `block`). */
  values?: Block;
}

export function BlockPreview({ block, values = block }: BlockPreviewProps): JSX.Element {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const chart = block.chart;
  if (!chart)
    return (
      <div data-testid="preview" className={styles.root}>
        <TablePicture block={block} values={values} />
      </div>
    );
  const caption = chartCaption(block, t);
  return (
    <div data-testid="preview" className={styles.root}>
      <div className={styles.chartFrame}>
        <Suspense fallback={<Caption1 as="p">{t("previewDrawing")}</Caption1>}>
          <ChartPicture block={block} values={values} lang={lang} label={caption} />
        </Suspense>
      </div>
      <Caption1 as="p" data-testid="chart-preview">
        {caption}
      </Caption1>
    </div>
  );
}

/** "Clustered bar chart “…”: 2 series over 10 categories, with data labels. Axes: … / …." */
export function chartCaption(block: Block, t: Translate): string {
  const chart = block.chart;
  if (!chart) return "";
  const sentences = [
    t("previewChart", {
      chartType: t(`chart_${chart.type}`),
      title: chart.title,
      series: chart.data.cols - 1,
      categories: chart.data.rows - 1,
    }),
  ];
  if (chart.categoryAxisTitle)
    sentences.push(
      t("previewAxes", { category: chart.categoryAxisTitle, value: chart.valueAxisTitle ?? "" }),
    );
  return sentences.join(" ");
}

function TablePicture({ block, values }: { block: Block; values: Block }): JSX.Element {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const picture = useMemo(() => tablePicture(block, values, lang), [block, values, lang]);
  const columns = picture.shownColumns + 1;
  return (
    <>
      <p className={styles.title}>{picture.title}</p>
      <p className={styles.unit}>{picture.unit}</p>
      <div className={styles.frame} tabIndex={0} role="region" aria-label={t("previewHeading")}>
        <table className={styles.table} data-testid="table-picture">
          <thead>
            {picture.headings.map((row, r) => (
              <tr key={r}>
                {row.map((h, i) => (
                  <th
                    key={i}
                    colSpan={h.span}
                    scope="col"
                    className={mergeClasses(styles.cell, styles.heading, i === 0 && styles.stubHeading)}
                  >
                    <div className={i === 0 ? styles.label : styles.headingText}>{h.text}</div>
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {picture.rows.map((row, r) => (
              <tr key={r} className={row.bold ? styles.bold : undefined}>
                <th
                  scope="row"
                  colSpan={row.group ? columns : 1}
                  className={mergeClasses(styles.cell, styles.stub)}
                  style={{ paddingLeft: `${4 + row.indent * 10}px` }}
                >
                  <div className={row.group ? undefined : styles.label}>{row.label}</div>
                </th>
                {row.cells.map((c, i) => (
                  <td
                    key={i}
                    className={mergeClasses(styles.cell, styles.number, c.live && styles.live)}
                    style={c.shaded ? { backgroundColor: STATIC_FILL } : undefined}
                  >
                    {c.text}
                  </td>
                ))}
              </tr>
            ))}
            {picture.shownRows < picture.totalRows ? (
              <tr>
                <td colSpan={columns} className={mergeClasses(styles.cell, styles.more)}>
                  …
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Caption1 as="p" data-testid="preview-rows">
        {picture.shownColumns < picture.totalColumns
          ? t("previewRowsColumns", {
              rows: picture.shownRows,
              totalRows: picture.totalRows,
              cols: picture.shownColumns,
              totalCols: picture.totalColumns,
            })
          : t("previewRows", { shown: picture.shownRows, total: picture.totalRows })}
      </Caption1>
      {block.mode === "live" ? (
        <Caption1 as="p" className={styles.note}>
          {t("previewLive")}
        </Caption1>
      ) : null}
      {picture.notes.map((n, i) => (
        <Caption1 as="p" key={i} className={styles.note}>
          {n}
        </Caption1>
      ))}
    </>
  );
}
