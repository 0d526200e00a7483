/** Formula builder: a function, its arguments from the valid names, the live value and source, insert. */
import {
  Button,
  Combobox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Iom, ValueFunction } from "../../core";
import type { PaneActions } from "../actions";
import type { CellFormulaResult } from "../excel/cell";
import { formatNumber } from "../../i18n/lang";
import { ARGS, type ArgSpec, BUILDER_FUNCTIONS, optionsFor, previewFormula } from "../plans/builder";
import { OfficeErrorBar } from "./OfficeErrorBar";
import { useLang, useT } from "./context";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** Options shown at once in a long list (nationalities, fact keys); typing narrows them. */
const SHOWN_OPTIONS = 60;

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
  const [text, setText] = useState(value);
  const needle = text.trim().toLowerCase();
  const filtered = (
    needle === "" || needle === value.toLowerCase()
      ? options
      : options.filter((o) => o.toLowerCase().includes(needle))
  ).slice(0, SHOWN_OPTIONS);
  return (
    <Field label={t(spec.label)} hint={spec.required ? undefined : t("anyValue")}>
      <Combobox
        value={text}
        selectedOptions={value ? [value] : []}
        placeholder={t("filterOptions")}
        onChange={(e) => setText(e.target.value)}
        onOptionSelect={(_, d) => {
          const v = d.optionValue ?? "";
          onChange(v);
          setText(v);
        }}
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
  const [fn, setFn] = useState<ValueFunction>("MOVEMENTS");
  const [values, setValues] = useState<string[]>([]);
  const [result, setResult] = useState<{ outcome: CellFormulaResult; formula: string } | undefined>();
  const [error, setError] = useState<unknown>();
  const specs = ARGS[fn];
  const options = useMemo(() => specs.map((s) => optionsFor(s, core)), [specs, core]);
  const preview = useMemo(() => previewFormula(fn, values, core), [fn, values, core]);

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
          value={`IOM.${fn}`}
          selectedOptions={[fn]}
          onOptionSelect={(_, d) => {
            setFn(d.optionValue as ValueFunction);
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
          onChange={(v) => setValues((prev) => specs.map((_, j) => (j === i ? v : (prev[j] ?? ""))))}
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
              <span className={styles.value}>{formatNumber(preview.value, lang)}</span>
            </Field>
            <Field label={t("sourceLabel")}>
              <span>{preview.source}</span>
            </Field>
          </>
        ) : (
          <MessageBar intent="info">
            <MessageBarBody>
              {t("noValue", { message: preview.message })}{" "}
              {preview.suggestions.length > 0
                ? t("suggestions", { names: preview.suggestions.join(", ") })
                : null}
            </MessageBarBody>
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
        <MessageBar intent="success" data-testid="formula-inserted">
          <MessageBarBody>
            {t("formulaInserted", { formula: result.formula, address: result.outcome.address })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {result?.outcome.kind === "occupied" ? (
        <MessageBar intent="warning" data-testid="formula-occupied">
          <MessageBarBody>
            {t("cellNotEmpty", { address: result.outcome.address, text: result.outcome.content })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
