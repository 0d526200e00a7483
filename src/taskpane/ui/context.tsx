/** The pane's translator, provided once at the root so every component speaks the pane's language. */
import { createContext, useContext } from "react";
import type { Lang } from "../../i18n/lang";
import { type Translate, translator } from "../../i18n/pane";

export const PaneLanguage = createContext<{ lang: Lang; t: Translate }>({ lang: "en", t: translator("en") });

export const useT = (): Translate => useContext(PaneLanguage).t;
export const useLang = (): Lang => useContext(PaneLanguage).lang;
