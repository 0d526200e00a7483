/**
 * Formula builder: a function, its arguments (picked from the valid names, or typed: a name the
 * data does not know gets the core's "did you mean", one click away), the live value and source,
 * insert.
 */
import {
  Button,
  Combobox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { type Iom, normalizeName } from "../../core";
import type { PaneActions } from "../actions";
import type { CellFormulaResult } from "../excel/cell";
import { formatNumber } from "../../i18n/lang";
import {
  ARGS,
  type ArgSpec,
  BUILDER_FUNCTIONS,
  type BuilderFunction,
  optionsFor,
  previewFormula,
} from "../plans/builder";
import { OfficeErrorBar } from "./OfficeErrorBar";
import { useLang, useT } from "./context";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  // Fluent's drop-downs are at least 250 px wide: too wide for a 280 px pane once padded.
  input: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  message: { overflowWrap: "anywhere", minWidth: 0 },
  suggestions: { flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Options shown at once in a long list (nationalities, fact keys); typing narrows them. */
const SHOWN_OPTIONS = 60;

/**
 * One argument: a combo box over its valid names that also takes what is typed, so a name it does
 * not list ("Lybia") reaches the core, whose error suggests the names meant.
 */
function ArgPicker({
  spec,
  options,
  value,
  onChange,
}: {
  spec: ArgSpec;
  options: string[];
  value: string;
  onChange: (v: string) => void;
}): JSX.Element {
  const t = useT();
  const styles = useStyles();
  const needle = normalizeName(value);
  const exact = options.some((o) => normalizeName(o) === needle);
  const filtered = (
    needle === "" || exact ? options : options.filter((o) => normalizeName(o).includes(needle))
  ).slice(0, SHOWN_OPTIONS);
  return (
    <Field label={t(spec.label)} hint={spec.required ? undefined : t("anyValue")}>
      <Combobox
        className={styles.input}
        freeform
        value={value}
        selectedOptions={exact ? options.filter((o) => normalizeName(o) === needle).slice(0, 1) : []}
        placeholder={t("filterOptions")}
        onChange={(e) => onChange(e.target.value)}
        onOptionSelect={(_, d) => onChange(d.optionValue ?? "")}
        data-testid={`arg-${spec.name}`}
      >
        {spec.required ? null : (
          <Option value="" text={t("anyValue")}>
            {t("anyValue")}
          </Option>
        )}
        {filtered.map((o) => (
          <Option key={o} value={o}>
            {o}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}

export function FormulaPanel({
  core,
  actions,
  canUseExcel,
}: {
  core: Iom;
  actions: PaneActions;
  canUseExcel: boolean;
}): JSX.Element {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const [fn, setFn] = useState<BuilderFunction>("MOVEMENTS");
  const [values, setValues] = useState<string[]>([]);
  const [result, setResult] = useState<{ outcome: CellFormulaResult; formula: string } | undefined>();
  const [error, setError] = useState<unknown>();
  const specs = ARGS[fn];
  const options = useMemo(() => specs.map((s) => optionsFor(s, core)), [specs, core]);
  const preview = useMemo(() => previewFormula(fn, values, core, lang), [fn, values, core, lang]);
  const setArg = (i: number, v: string): void =>
    setValues((prev) => specs.map((_, j) => (j === i ? v : (prev[j] ?? ""))));
  // The argument a "did you mean" belongs to, so choosing a suggestion replaces what was typed.
  const faulty = preview.ok ? -1 : specs.findIndex((s) => s.dimension === preview.argument);

  async function insert(): Promise<void> {
    setResult(undefined);
    setError(undefined);
    try {
      const formula = preview.formula;
      setResult({ outcome: await actions.insertFormula(formula), formula });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className={styles.stack}>
      <Field label={t("fnLabel")}>
        <Dropdown
          className={styles.input}
          value={`IOM.${fn}`}
          selectedOptions={[fn]}
          onOptionSelect={(_, d) => {
            setFn(d.optionValue as BuilderFunction);
            setValues([]);
            setResult(undefined);
          }}
          data-testid="function"
        >
          {BUILDER_FUNCTIONS.map((f) => (
            <Option key={f} value={f}>{`IOM.${f}`}</Option>
          ))}
        </Dropdown>
      </Field>
      {specs.map((spec, i) => (
        <ArgPicker
          key={`${fn}-${spec.name}`}
          spec={spec}
          options={options[i] ?? []}
          value={values[i] ?? ""}
          onChange={(v) => setArg(i, v)}
        />
      ))}
      <Field label={t("formulaLabel")}>
        <code className={styles.code} data-testid="formula">
          {preview.formula}
        </code>
      </Field>
      <div aria-live="polite" data-testid="formula-preview">
        {preview.ok ? (
          <>
            <Field label={t("valueLabel")}>
              <span className={styles.value}>
                {typeof preview.value === "number" ? formatNumber(preview.value, lang) : preview.value}
              </span>
            </Field>
            <Field label={t("sourceLabel")}>
              <span>{preview.source}</span>
            </Field>
          </>
        ) : (
          <MessageBar intent="info" layout="multiline" data-testid="formula-error">
            <MessageBarBody className={styles.message}>
              {t("noValue", { message: preview.message })}
            </MessageBarBody>
            {preview.suggestions.length > 0 && faulty >= 0 ? (
              <MessageBarActions className={styles.suggestions}>
                <span>{t("suggestionsLabel")}</span>
                {preview.suggestions.map((name) => (
                  <Button
                    key={name}
                    size="small"
                    onClick={() => setArg(faulty, name)}
                    data-testid="suggestion"
                  >
                    {name}
                  </Button>
                ))}
              </MessageBarActions>
            ) : null}
          </MessageBar>
        )}
      </div>
      <Button
        appearance="primary"
        disabled={!canUseExcel}
        onClick={() => void insert()}
        data-testid="insert-formula"
      >
        {t("insertFormula")}
      </Button>
      {error !== undefined ? <OfficeErrorBar error={error} /> : null}
      {result?.outcome.kind === "inserted" ? (
        <MessageBar intent="success" layout="multiline" data-testid="formula-inserted">
          <MessageBarBody className={styles.message}>
            {t("formulaInserted", { formula: result.formula, address: result.outcome.address })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {result?.outcome.kind === "occupied" ? (
        <MessageBar intent="warning" layout="multiline" data-testid="formula-occupied">
          <MessageBarBody className={styles.message}>
            {t("cellNotEmpty", { address: result.outcome.address, text: result.outcome.content })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
