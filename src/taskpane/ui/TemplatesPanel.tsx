/** Template gallery: search, preview, choose mode, place and language, insert — and the overwrite guard's offer. */
import {
  Button,
  Dropdown,
  Field,
  Listbox,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  SearchBox,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { PaneActions } from "../actions";
import type { InsertResult } from "../excel/insert";
import { LANGS, type Lang } from "../../i18n/lang";
import { LANGUAGE_NAMES } from "../../i18n/pane";
import { quoteSheet, rectAddress } from "../../sheets/a1";
import type { Block, Mode } from "../../sheets/block";
import type { Catalog, Template } from "../../sheets/catalog";
import type { Blocked, Destination } from "../plans/insert";
import { BlockPreview } from "./BlockPreview";
import { OfficeErrorBar } from "./OfficeErrorBar";
import { useLang, useT } from "./context";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { maxHeight: "220px", overflowY: "auto", minWidth: 0 },
  option: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", minWidth: 0 },
  optionText: { minWidth: 0, overflowWrap: "anywhere" },
  number: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  // Radios side by side while they fit, on the next line when they do not.
  radios: { flexWrap: "wrap" },
  // Fluent's drop-downs are at least 250 px wide: too wide for a 280 px pane once padded.
  dropdown: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  message: { overflowWrap: "anywhere", minWidth: 0 },
  // A small tag (Fluent's Badge would add its own bundle for two labels).
  tableTag: {
    flexShrink: 0,
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase100,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
  },
  chartTag: {
    flexShrink: 0,
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase100,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
  },
  subheading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

type Outcome = { kind: "done"; result: InsertResult; block: Block } | { kind: "error"; error: unknown };

export interface TemplatesPanelProps {
  catalog: Catalog;
  actions: PaneActions;
  canUseExcel: boolean;
}

const sheetNameFor = (template: Template, lang: Lang): string =>
  template.kind === "table" ? template.number(lang) : template.title(lang);

export function TemplatesPanel({ catalog, actions, canUseExcel }: TemplatesPanelProps): JSX.Element {
  const t = useT();
  const paneLang = useLang();
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [kind, setKind] = useState<"all" | "table" | "chart">("all");
  const [selected, setSelected] = useState<string | undefined>(catalog.templates[0]?.id);
  const [mode, setMode] = useState<Mode>("static");
  const [where, setWhere] = useState<"selection" | "newSheet">("selection");
  const [contentLang, setContentLang] = useState<Lang>(paneLang);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  const matches = useMemo(() => catalog.search(query, kind), [catalog, query, kind]);
  const current = matches.find((m) => m.id === selected) ?? matches[0];
  const block = useMemo(
    () => (current ? catalog.block(current.id, mode, contentLang) : undefined),
    [catalog, current, mode, contentLang],
  );
  // A live block holds formulas; the preview shows the figures they return, the static block's.
  const values = useMemo(
    () => (current ? catalog.block(current.id, "static", contentLang) : undefined),
    [catalog, current, contentLang],
  );

  async function insert(destination: Destination): Promise<void> {
    if (!current || !block) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const result = await actions.insert(current.id, mode, contentLang, destination);
      setOutcome({ kind: "done", result, block });
    } catch (error) {
      setOutcome({ kind: "error", error });
    } finally {
      setBusy(false);
    }
  }

  const newSheet = (): Destination => ({
    kind: "newSheet",
    name: current ? sheetNameFor(current, contentLang) : "IOM",
  });

  return (
    <div className={styles.stack}>
      <SearchBox
        aria-label={t("searchLabel")}
        placeholder={t("searchPlaceholder")}
        value={query}
        onChange={(_, d) => setQuery(d.value)}
        data-testid="template-search"
      />
      <Field label={t("kindLabel")}>
        <RadioGroup
          layout="horizontal"
          className={styles.radios}
          value={kind}
          onChange={(_, d) => setKind(d.value as typeof kind)}
        >
          <Radio value="all" label={t("kindAll")} />
          <Radio value="table" label={t("kindTables")} />
          <Radio value="chart" label={t("kindCharts")} />
        </RadioGroup>
      </Field>
      <div role="status" aria-live="polite">
        {matches.length === 0 ? t("noResults", { query }) : t("resultsCount", { count: matches.length })}
      </div>
      {matches.length > 0 ? (
        <Listbox
          // A new list per search: Fluent would otherwise keep pointing aria-activedescendant at an
          // option the search removed.
          key={`${kind}|${query}`}
          className={styles.list}
          aria-label={t("galleryLabel")}
          selectedOptions={current ? [current.id] : []}
          onOptionSelect={(_, d) => {
            setSelected(d.optionValue);
            setOutcome(undefined);
          }}
          data-testid="template-list"
        >
          {matches.map((m) => (
            <Option key={m.id} value={m.id} text={m.title(paneLang)} data-template={m.id}>
              <span className={styles.option}>
                <span className={m.kind === "chart" ? styles.chartTag : styles.tableTag}>
                  {m.kind === "chart" ? t("kindChart") : t("kindTable")}
                </span>{" "}
                <span className={styles.optionText}>
                  <span className={styles.number}>{m.number(paneLang)}</span> — {m.title(paneLang)}
                </span>
              </span>
            </Option>
          ))}
        </Listbox>
      ) : null}

      <Field label={t("modeLabel")}>
        <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as Mode)} data-testid="mode">
          <Radio value="static" label={t("modeStatic")} />
          <Radio value="live" label={t("modeLive")} />
        </RadioGroup>
      </Field>
      <Field label={t("destLabel")}>
        <RadioGroup
          value={where}
          onChange={(_, d) => setWhere(d.value as typeof where)}
          data-testid="destination"
        >
          <Radio value="selection" label={t("destSelection")} />
          <Radio value="newSheet" label={t("destNewSheet")} />
        </RadioGroup>
      </Field>
      <Field label={t("contentLangLabel")}>
        <Dropdown
          className={styles.dropdown}
          value={LANGUAGE_NAMES[contentLang]}
          selectedOptions={[contentLang]}
          onOptionSelect={(_, d) => d.optionValue && setContentLang(d.optionValue as Lang)}
          data-testid="content-lang"
        >
          {LANGS.map((l) => (
            <Option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={!canUseExcel || busy || !current}
          onClick={() => void insert(where === "newSheet" ? newSheet() : { kind: "selection" })}
          data-testid="insert"
        >
          {t("insert")}
        </Button>
        {busy ? <span>{t("working")}</span> : null}
      </div>

      {outcome?.kind === "error" ? <OfficeErrorBar error={outcome.error} /> : null}
      {outcome?.kind === "done" && outcome.result.kind === "inserted" ? (
        <MessageBar intent="success" layout="multiline" data-testid="insert-result">
          <MessageBarBody className={styles.message}>
            {insertedText(outcome.result, outcome.block, catalog, t)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === "done" && outcome.result.kind === "blocked" ? (
        <BlockedBar
          blocked={outcome.result.blocked}
          onNext={(next) => void insert({ kind: "cell", ...next })}
          onNewSheet={() => void insert(newSheet())}
        />
      ) : null}

      <h2 className={styles.subheading}>{t("previewHeading")}</h2>
      {block ? <BlockPreview block={block} {...(values ? { values } : {})} /> : <p>{t("chooseTemplate")}</p>}
    </div>
  );
}

/** What was inserted where, as sentences: the template, the address, its chart, its live formulas. */
function insertedText(
  result: Extract<InsertResult, { kind: "inserted" }>,
  block: Block,
  catalog: Catalog,
  t: ReturnType<typeof useT>,
): string {
  const { plan } = result;
  const template = catalog.get(block.templateId);
  const what = template
    ? template.kind === "table"
      ? template.number(block.lang)
      : t("quoted", { text: template.title(block.lang) })
    : plan.table.name;
  const sentences = [
    t("inserted", { what, address: `${quoteSheet(plan.sheet)}!${plan.address}`, table: plan.table.name }),
  ];
  if (plan.chart) sentences.push(t("insertedChart"));
  if (block.mode === "live")
    sentences.push(t("liveSummary", { live: block.liveCells, static: block.staticCells }));
  return sentences.join(" ");
}

/** The overwrite guard's answer: what is in the way, and the two ways out. */
function BlockedBar({
  blocked,
  onNext,
  onNewSheet,
}: {
  blocked: Blocked;
  onNext: (next: Blocked["next"]) => void;
  onNewSheet: () => void;
}): JSX.Element {
  const t = useT();
  const styles = useStyles();
  const next = `${quoteSheet(blocked.next.sheet)}!${rectAddress({ ...blocked.next, rows: 1, cols: 1 })}`;
  const sentences: string[] = [];
  if (blocked.cellCount > 0)
    sentences.push(
      t("blockedCells", {
        address: `${quoteSheet(blocked.sheet)}!${blocked.address}`,
        count: blocked.cellCount,
        examples: blocked.cells.map((c) => `${c.address} ${t("quoted", { text: c.text })}`).join(", "),
      }),
    );
  if (blocked.charts.length > 0) sentences.push(t("blockedCharts", { charts: blocked.charts.join(", ") }));
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="insert-blocked">
      <MessageBarBody className={styles.message}>
        <MessageBarTitle>{t("blockedTitle")}</MessageBarTitle> {sentences.join(" ")}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={() => onNext(blocked.next)} data-testid="insert-next">
          {t("insertAtNext", { address: next })}
        </Button>
        <Button onClick={onNewSheet} data-testid="insert-new-sheet">
          {t("insertNewSheet")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
