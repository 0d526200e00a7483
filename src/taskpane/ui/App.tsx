/**
 * The task pane: a status line, then five sections in tabs that fit any pane width (PaneTabs). A
 * section's panel is created when first opened and then kept, hidden, so switching tabs loses
 * nothing the user chose or read. Every Excel action arrives as a prop.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Iom } from "../../core";
import type { PaneActions } from "../actions";
import type { Lang } from "../../i18n/lang";
import { translator } from "../../i18n/pane";
import type { Catalog } from "../../sheets/catalog";
import type { Status } from "../plans/status";
import { AboutPanel } from "./AboutPanel";
import { FIRST_RENDER_MARK } from "./marks";
import { PaneLanguage } from "./context";
import { ExplainPanel } from "./ExplainPanel";
import { FormulaPanel } from "./FormulaPanel";
import { PaneTabs } from "./PaneTabs";
import { RefreshPanel } from "./RefreshPanel";
import { TemplatesPanel } from "./TemplatesPanel";

/** What the pane works with for one edition of the report. */
export interface EditionView {
  core: Iom;
  catalog: Catalog;
  actions: PaneActions;
}

export interface AppProps extends EditionView {
  /** The pane's view of another edition (the About tab's choice); absent when only one is loaded. */
  openEdition?: (edition: string) => EditionView;
  status: Status;
  lang: Lang;
  version: string;
}

const TABS = ["templates", "formula", "explain", "refresh", "about"] as const;
type TabId = (typeof TABS)[number];

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    // Nothing may push the pane wider than Excel makes it (280 px and up): long words wrap.
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    overflowWrap: "anywhere",
  },
  panel: { minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

export function App(props: AppProps): JSX.Element {
  const { status, lang, version, openEdition } = props;
  const [view, setView] = useState<EditionView>({
    core: props.core,
    catalog: props.catalog,
    actions: props.actions,
  });
  const { core, catalog, actions } = view;
  const styles = useStyles();
  const language = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const { t } = language;
  const [tab, setTab] = useState<TabId>("templates");
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set(["templates"]));
  const open = (id: TabId): void => {
    setTab(id);
    setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
  };
  useEffect(() => {
    if (typeof performance !== "undefined" && typeof performance.mark === "function")
      performance.mark(FIRST_RENDER_MARK);
  }, []);
  const label: Record<TabId, string> = {
    templates: t("tabTemplates"),
    formula: t("tabFormula"),
    explain: t("tabExplain"),
    refresh: t("tabRefresh"),
    about: t("tabAbout"),
  };
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <PaneLanguage.Provider value={language}>
        <main className={styles.root}>
          <h1 className={styles.heading}>{t("appName")}</h1>
          {status.canUseExcel ? null : (
            <MessageBar
              intent={status.state === "outside" ? "info" : "warning"}
              layout="multiline"
              data-testid="status"
            >
              <MessageBarBody>{status.text}</MessageBarBody>
            </MessageBar>
          )}
          <PaneTabs ids={TABS} labels={label} selected={tab} onSelect={open} mounted={visited} />
          {TABS.filter((id) => visited.has(id)).map((id) => (
            <section
              key={id}
              role="tabpanel"
              id={`panel-${id}`}
              aria-labelledby={`tab-${id}`}
              hidden={id !== tab}
              className={styles.panel}
            >
              {id === "templates" ? (
                <TemplatesPanel catalog={catalog} actions={actions} canUseExcel={status.canUseExcel} />
              ) : null}
              {id === "formula" ? (
                <FormulaPanel core={core} actions={actions} canUseExcel={status.canUseExcel} />
              ) : null}
              {id === "explain" ? (
                <ExplainPanel
                  core={core}
                  actions={actions}
                  canUseExcel={status.canUseExcel}
                  active={tab === "explain"}
                />
              ) : null}
              {id === "refresh" ? (
                <RefreshPanel catalog={catalog} actions={actions} canUseExcel={status.canUseExcel} />
              ) : null}
              {id === "about" ? (
                <AboutPanel
                  core={core}
                  version={version}
                  status={status}
                  {...(actions.cards ? { cards: actions.cards } : {})}
                  {...(openEdition ? { onEdition: (e: string) => setView(openEdition(e)) } : {})}
                />
              ) : null}
            </section>
          ))}
        </main>
      </PaneLanguage.Provider>
    </FluentProvider>
  );
}
