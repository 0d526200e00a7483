/** About: the data's edition, the add-in's version, the language and the host's status. */
import { Select, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { editions, type Iom } from "../../core";
import type { Status } from "../plans/status";
import { LANGUAGE_NAMES } from "../../i18n/pane";
import { OfficeErrorBar } from "./OfficeErrorBar";
import { useLang, useT } from "./context";

const useStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "fit-content(40%) minmax(0, 1fr)",
    // A narrow pane shows each term above its detail.
    "@media (max-width: 360px)": { gridTemplateColumns: "minmax(0, 1fr)" },
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  term: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  detail: { margin: 0, overflowWrap: "anywhere", minWidth: 0 },
  edition: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  select: { minWidth: 0, maxWidth: "100%" },
});

export function AboutPanel({
  core,
  version,
  status,
  onEdition,
  cards,
}: {
  core: Iom;
  version: string;
  status: Status;
  /** Switches the pane to another edition; the choice is offered when more than one is loaded. */
  onEdition?: (edition: string) => void;
  /** The workbook's cards setting, where Excel shows data types. */
  cards?: { on(): boolean; set(on: boolean): Promise<void> };
}): JSX.Element {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const e = core.edition;
  const rows: [string, string][] = [
    [t("aboutData"), `${e.title}, ${core.editionLabel()}`],
    [
      "",
      t("aboutTables", {
        tables: e.tables.length,
        facts: e.facts.length,
        discrepancies: e.discrepancies.length,
      }),
    ],
    [t("aboutVersion"), version],
    [t("aboutLanguage"), LANGUAGE_NAMES[lang]],
    [t("aboutHost"), status.text],
    ...status.notes.map((n): [string, string] => ["", n]),
  ];
  const all = editions();
  return (
    <>
      {cards ? <CardsSwitch cards={cards} /> : null}
      {onEdition && all.length > 1 ? (
        <label className={styles.edition}>
          {t("aboutEdition")}
          <Select
            className={styles.select}
            value={e.edition}
            onChange={(_, d) => onEdition(d.value)}
            data-testid="edition"
          >
            {all.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </Select>
        </label>
      ) : null}
      <dl className={styles.list} data-testid="about">
        {rows.map(([term, detail], i) => (
          <div key={i} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** The workbook's cards setting: figures as Excel data types with their source, or plain numbers. */
function CardsSwitch({ cards }: { cards: { on(): boolean; set(on: boolean): Promise<void> } }): JSX.Element {
  const t = useT();
  const [on, setOn] = useState(() => cards.on());
  const [failed, setFailed] = useState<unknown>();
  return (
    <>
      <Switch
        label={t("aboutCards")}
        checked={on}
        onChange={(_, d) => {
          setOn(d.checked);
          setFailed(undefined);
          cards.set(d.checked).catch((e: unknown) => {
            setOn(!d.checked);
            setFailed(e);
          });
        }}
        data-testid="cards"
      />
      {failed !== undefined ? <OfficeErrorBar error={failed} /> : null}
    </>
  );
}
