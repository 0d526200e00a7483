/** Explain this cell: the selected =IOM.* formula's value and everything the report says about it. */
import { Button, MessageBar, MessageBarBody, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { type CardField, type Iom, VALUE_FUNCTIONS } from "../../core";
import { STATUS_WORDS, countryFieldLabel } from "../../i18n/card-labels";
import type { FigureStatus } from "../../i18n/cards";
import type { StringKey } from "../../i18n/pane";
import type { PaneActions } from "../actions";
import { formatNumber } from "../../i18n/lang";
import { type Explanation, explainCell } from "../plans/explain";
import { textOf } from "../plans/text";
import { OfficeErrorBar } from "./OfficeErrorBar";
import { useLang, useT } from "./context";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  // Term beside detail while the pane is wide enough; the terms' column never takes more than 40%,
  // and long details (formulas, file names) wrap rather than widen the pane.
  list: {
    display: "grid",
    gridTemplateColumns: "fit-content(40%) minmax(0, 1fr)",
    // A narrow pane shows each term above its detail.
    "@media (max-width: 360px)": { gridTemplateColumns: "minmax(0, 1fr)" },
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  detail: { margin: 0, overflowWrap: "anywhere", minWidth: 0 },
  message: { overflowWrap: "anywhere", minWidth: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
});

export function ExplainPanel({
  core,
  actions,
  canUseExcel,
  active = true,
}: {
  core: Iom;
  actions: PaneActions;
  canUseExcel: boolean;
  /** Whether the panel is shown: it follows the selection only then. */
  active?: boolean;
}): JSX.Element {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const [explanation, setExplanation] = useState<Explanation | undefined>();
  const [error, setError] = useState<unknown>();
  const [follow, setFollow] = useState(true);
  // Selections can come faster than Excel answers: only the latest read may show.
  const latest = useRef(0);

  async function explain(): Promise<void> {
    const n = ++latest.current;
    try {
      const cell = await actions.readSelection();
      if (n !== latest.current) return;
      setError(undefined);
      setExplanation(explainCell(cell, core, lang));
    } catch (e) {
      if (n !== latest.current) return;
      setExplanation(undefined);
      setError(e);
    }
  }

  // While following, explain the cell selected now and each one selected next.
  useEffect(() => {
    if (!canUseExcel || !follow || !active) return;
    let stop: (() => void) | undefined;
    let mounted = true;
    void explain();
    actions
      .followSelection(() => void explain())
      .then(
        (off) => (mounted ? (stop = off) : off()),
        (e: unknown) => mounted && setError(e),
      );
    return () => {
      mounted = false;
      stop?.();
    };
    // explain() reads only refs, props and setters, so it is not a dependency: re-subscribing on
    // each render would drop selections.
  }, [canUseExcel, follow, active, actions]);

  return (
    <div className={styles.stack}>
      <p>{t("explainIntro")}</p>
      <Switch
        label={t("explainFollow")}
        checked={follow}
        disabled={!canUseExcel}
        onChange={(_, d) => setFollow(d.checked)}
        data-testid="explain-follow"
      />
      <Button
        appearance="primary"
        disabled={!canUseExcel}
        onClick={() => void explain()}
        data-testid="explain"
      >
        {t("explainButton")}
      </Button>
      {error !== undefined ? <OfficeErrorBar error={error} /> : null}
      {explanation ? <ExplanationView explanation={explanation} /> : null}
    </div>
  );
}

/** The pane's labels of a figure card's fields (Excel shows their English property names). */
const FIGURE_LABELS: Record<string, StringKey> = {
  Source: "explainSource",
  Table: "explainTable",
  Paragraph: "explainParagraph",
  Title: "explainTitle",
  Row: "explainRow",
  Column: "explainColumn",
  Line: "explainLines",
  Edition: "aboutEdition",
  Status: "explainStatus",
  Qualifier: "explainQualifier",
  Footnotes: "explainFootnotes",
  Discrepancy: "explainDiscrepancies",
  "Also printed in": "explainAlsoIn",
  Fixes: "explainFixes",
  Notes: "explainNotes",
};

export function ExplanationView({ explanation: x }: { explanation: Explanation }): JSX.Element {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const labelOf = (f: CardField): string => {
    const key = FIGURE_LABELS[f.name];
    return key ? t(key) : (f.label ?? f.name);
  };
  // A figure of an entity reads as its number and its source; a field with nothing to say, "none".
  const fieldText = (f: CardField): string => {
    if (f.empty) return t("explainNone");
    const status =
      f.name === "Status" && !f.figure ? STATUS_WORDS[f.value as FigureStatus]?.[lang] : undefined;
    const v = status ?? f.text ?? (typeof f.value === "number" ? formatNumber(f.value, lang) : f.value);
    const source = f.figure?.sections[0]?.fields.find((x) => x.name === "Source")?.value;
    return source === undefined ? v : `${v} — ${String(source)}`;
  };
  const info = (text: string): JSX.Element => (
    <MessageBar intent="info" layout="multiline" data-testid="explanation">
      <MessageBarBody className={styles.message}>{text}</MessageBarBody>
    </MessageBar>
  );
  switch (x.kind) {
    case "empty":
      return info(t("explainEmpty", { address: x.address }));
    case "not_iom":
      return info(t("explainNotIom", { address: x.address, content: x.content }));
    case "unparsable":
      return info(t("explainParse", { address: x.address, message: x.message }));
    case "spill":
      return info(
        t("explainSpill", { address: x.address, name: x.name, functions: VALUE_FUNCTIONS.join(", ") }),
      );
    case "entity":
      return (
        <div className={styles.stack} data-testid="explanation">
          <p>{t("explainCardIntro", { address: x.address, formula: x.formula })}</p>
          {x.card.sections.map((s) => (
            <section key={s.id} aria-label={s.title}>
              <h3>{s.title}</h3>
              <dl className={styles.list}>
                {s.fields.map((f) => (
                  <div key={f.name} style={{ display: "contents" }}>
                    <dt className={styles.term}>{countryFieldLabel(f.name, lang) ?? f.label ?? f.name}</dt>
                    <dd className={styles.detail}>{fieldText(f)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      );
    case "error":
      return (
        <MessageBar intent="warning" layout="multiline" data-testid="explanation">
          <MessageBarBody className={styles.message}>
            {t("explainError", { address: x.address, formula: x.formula, message: x.message })}
          </MessageBarBody>
        </MessageBar>
      );
    case "answer": {
      // The card's fields, the same Excel shows on the cell's data type, after the cell's own rows.
      const rows: [string, string][] = [
        [t("explainCell"), x.address],
        [t("formulaLabel"), x.formula],
        [
          t("explainValue"),
          `${formatNumber(x.answer.value, lang)}${x.negated ? ` ${t("explainNegated")}` : ""}`,
        ],
        [t("explainShown"), typeof x.shown === "number" ? formatNumber(x.shown, lang) : textOf(x.shown)],
        ...x.card.sections.flatMap((s) =>
          s.fields.map((f) => [labelOf(f), fieldText(f)] as [string, string]),
        ),
      ];
      return (
        <dl className={styles.list} data-testid="explanation">
          {rows.map(([term, detail]) => (
            <div key={term} style={{ display: "contents" }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.detail}>{detail}</dd>
            </div>
          ))}
        </dl>
      );
    }
  }
}
