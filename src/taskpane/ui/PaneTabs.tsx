/**
 * The pane's section tabs, fitting any pane width: the tabs that do not fit (Fluent's Overflow
 * measures them) move behind a "More" button that opens them as a list under the tab row; the
 * selected tab always stays in the row. The button sits beside the tab list, not in it, so the tab
 * list holds tabs only. (A disclosure rather than Fluent's Menu, which would add 14 KB gzipped to
 * the pane for five items.)
 */
import {
  Button,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { useState } from "react";
import { useT } from "./context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  bar: {
    display: "flex",
    alignItems: "center",
    minWidth: 0,
    overflow: "hidden",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  list: { minWidth: 0, flexWrap: "nowrap", overflow: "hidden" },
  tab: { flexShrink: 0 },
  more: { flexShrink: 0, minWidth: "auto", marginLeft: "auto" },
  menu: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    padding: tokens.spacingVerticalXS,
    gap: tokens.spacingVerticalXXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  item: { justifyContent: "flex-start" },
});

export interface PaneTabsProps<Id extends string> {
  ids: readonly Id[];
  labels: Record<Id, string>;
  selected: Id;
  onSelect: (id: Id) => void;
  /** Panels that exist (visited once): only their tabs may point at them. */
  mounted: ReadonlySet<Id>;
}

export function PaneTabs<Id extends string>({
  ids,
  labels,
  selected,
  onSelect,
  mounted,
}: PaneTabsProps<Id>): JSX.Element {
  const t = useT();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const choose = (id: Id): void => {
    setOpen(false);
    onSelect(id);
  };
  return (
    // Overflow measures its one child: the tab row and, under it, the list the More button opens.
    <Overflow minimumVisible={1} padding={4}>
      <div
        className={styles.root}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
      >
        <div className={styles.bar} data-testid="tabs">
          <TabList
            className={styles.list}
            selectedValue={selected}
            onTabSelect={(_, d) => choose(d.value as Id)}
            aria-label={t("tabsLabel")}
            size="small"
          >
            {ids.map((id) => (
              // The selected tab is the last to overflow.
              <OverflowItem key={id} id={id} priority={id === selected ? 2 : 1}>
                <Tab
                  className={styles.tab}
                  value={id}
                  id={`tab-${id}`}
                  aria-controls={mounted.has(id) ? `panel-${id}` : undefined}
                  data-testid={`tab-${id}`}
                >
                  {labels[id]}
                </Tab>
              </OverflowItem>
            ))}
          </TabList>
          <MoreButton open={open} onToggle={() => setOpen(!open)} />
        </div>
        {open ? <MoreList ids={ids} labels={labels} onSelect={choose} /> : null}
      </div>
    </Overflow>
  );
}

function MoreButton({ open, onToggle }: { open: boolean; onToggle: () => void }): JSX.Element | null {
  const t = useT();
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Button
      ref={ref}
      className={styles.more}
      appearance="subtle"
      size="small"
      // Named by its visible label (WCAG 2.5.3); the tooltip says what it holds.
      title={`${t("tabsMoreLabel")} (${overflowCount})`}
      aria-expanded={open}
      aria-controls={open ? "tabs-more-list" : undefined}
      onClick={onToggle}
      data-testid="tabs-more"
      icon={<Chevron open={open} />}
      iconPosition="after"
    >
      {t("tabsMore")}
    </Button>
  );
}

/** The tabs that do not fit, as a list under the tab row. */
function MoreList<Id extends string>({
  ids,
  labels,
  onSelect,
}: Pick<PaneTabsProps<Id>, "ids" | "labels" | "onSelect">): JSX.Element {
  const t = useT();
  const styles = useStyles();
  return (
    <nav
      id="tabs-more-list"
      className={styles.menu}
      aria-label={t("tabsMoreLabel")}
      data-testid="tabs-more-list"
    >
      {ids.map((id) => (
        <MoreItem key={id} id={id} label={labels[id]} onSelect={() => onSelect(id)} />
      ))}
    </nav>
  );
}

function MoreItem({
  id,
  label,
  onSelect,
}: {
  id: string;
  label: string;
  onSelect: () => void;
}): JSX.Element | null {
  const styles = useStyles();
  const visible = useIsOverflowItemVisible(id);
  if (visible) return null;
  return (
    <Button appearance="subtle" className={styles.item} onClick={onSelect} data-testid={`more-${id}`}>
      {label}
    </Button>
  );
}

/** A chevron (Fluent's icon package is not a dependency; one path is all it takes). */
function Chevron({ open }: { open: boolean }): JSX.Element {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path
        d={open ? "M2.5 7.5 6 4l3.5 3.5" : "M2.5 4.5 6 8l3.5-3.5"}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
      />
    </svg>
  );
}
