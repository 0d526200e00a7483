/**
 * Every string of the task pane, in English, French and Spanish. The French and Spanish tables are
 * typed against the English one, so a missing or extra key is a compile error. Placeholders are
 * {name}; counted words are ICU plural arguments, "{count, plural, one {# cell} other {# cells}}",
 * chosen by each language's plural rules (src/i18n/plural.ts). Numbers are written as the language
 * writes them.
 */
import type { Lang } from "./lang";
import { formatMessage } from "./plural";

const en = {
  appName: "IOM Report",
  tabTemplates: "Templates",
  tabFormula: "Formula",
  tabExplain: "Explain",
  tabRefresh: "Refresh",
  tabAbout: "About",
  tabsLabel: "Task pane sections",
  tabsMore: "More",
  tabsMoreLabel: "More sections",

  searchLabel: "Search templates",
  searchPlaceholder: "Table 5, staff, expenditure…",
  kindAll: "All",
  kindTables: "Tables",
  kindCharts: "Charts",
  kindLabel: "Show",
  resultsCount: "Templates: {count}",
  noResults: "No template matches “{query}”.",
  kindTable: "Table",
  kindChart: "Chart",
  galleryLabel: "Templates",
  previewHeading: "Preview",
  previewRows: "Showing {shown} of {total, plural, one {# row} other {# rows}}.",
  previewRowsColumns:
    "Showing {rows} of {totalRows, plural, one {# row} other {# rows}} and {cols} of {totalCols, plural, one {# column} other {# columns}}.",
  previewChart:
    "{chartType} “{title}”: {series, plural, one {# series} other {# series}} over {categories, plural, one {# category} other {# categories}}, with data labels.",
  previewAxes: "Axes: {category} / {value}.",
  previewDrawing: "Drawing the chart…",
  previewLive:
    "Live formulas: figures in blue become =IOM.* formulas (shown here with their current values); shaded figures stay printed values.",
  chart_ColumnClustered: "Clustered column chart",
  chart_ColumnStacked: "Stacked column chart",
  chart_BarClustered: "Clustered bar chart",
  chart_BarStacked: "Stacked bar chart",
  chart_Pie: "Pie chart",
  chooseTemplate: "Choose a template to see what will be inserted.",
  modeLabel: "Insert as",
  modeStatic: "Static values (an Excel table)",
  modeLive: "Live formulas (=IOM.*)",
  destLabel: "Where",
  destSelection: "At the selected cell",
  destNewSheet: "In a new sheet",
  contentLangLabel: "Language of inserted titles",
  insert: "Insert",
  working: "Working…",
  inserted: "Inserted {what} at {address} (Excel table {table}).",
  quoted: "“{text}”",
  insertedChart: "Its chart is placed beside the data.",
  liveSummary:
    "{live, plural, one {# figure is an =IOM.* formula} other {# figures are =IOM.* formulas}}{static, plural, =0 {.} one {; # printed figure stays a static value (shaded).} other {; # printed figures stay static values (shaded).}}",
  blockedTitle: "Nothing was written: the target area is not empty.",
  blockedCells:
    "{address} already holds data in {count, plural, one {# cell: {examples}} other {# cells, for example {examples}}}.",
  blockedCharts: "It would also cover: {charts}.",
  insertAtNext: "Insert at {address} (next free place)",
  insertNewSheet: "Insert into a new sheet",

  fnLabel: "Function",
  anyValue: "(all / leave empty)",
  argPlace: "Destination (place)",
  argProgramme: "Programme or service",
  argFrom: "Region of departure (from)",
  argAgeGroup: "Age group",
  argGender: "Gender",
  argCategory: "Category or grade",
  argLocation: "Location",
  argNationality: "Nationality",
  argCountry: "Country",
  argItem: "Expenditure item",
  argYear: "Year",
  argRegion: "Region",
  argService: "Service classification",
  argKey: "Fact",
  formulaLabel: "Formula",
  valueLabel: "Value",
  sourceLabel: "Source",
  insertFormula: "Insert into the selected cell",
  formulaInserted: "Inserted {formula} into {address}.",
  cellNotEmpty: "{address} is not empty (it holds “{text}”). Select an empty cell; nothing was written.",
  noValue: "No value: {message}",
  filterOptions: "Type to filter",

  explainButton: "Explain the selected cell",
  explainFollow: "Explain each cell I select",
  explainIntro: "Select a cell holding an =IOM.* formula: the pane explains it.",
  explainEmpty: "The selected cell {address} is empty.",
  explainNotIom: "{address} holds no =IOM.* formula: {content}",
  explainParse:
    "{address}: this formula cannot be explained ({message}). Only one =IOM.* call with literal arguments can be.",
  explainSpill:
    "{address}: IOM.{name} returns a list or a whole table; Explain works on the value functions ({functions}).",
  explainError: "{address}: {formula} gives no value: {message}",
  suggestions: "Did you mean: {names}?",
  suggestionsLabel: "Did you mean:",
  explainCell: "Cell",
  explainValue: "Value",
  explainShown: "Shown in the cell",
  explainNegated: "(shown negated)",
  explainWhere: "From",
  explainRow: "Row",
  explainColumn: "Column",
  explainLines: "Line of the report text",
  explainParagraph: "Paragraph",
  explainFootnotes: "Footnotes",
  explainQualifier: "Qualifier",
  explainQualifierText: "the report says “{qualifier}” this figure",
  explainDiscrepancies: "Recorded discrepancies",
  explainFixes: "Manual fixes",
  explainAlsoIn: "Also printed in",
  explainNotes: "Notes",
  explainNone: "none",
  explainSource: "Source",
  explainTable: "Table",
  explainTitle: "Title",
  explainStatus: "Status",
  explainCardIntro: "{address} holds {formula}: its card, as Excel shows it.",
  linesOf: "{lines} of {file}",

  refreshButton: "Refresh all IOM tables",
  refreshIntro:
    "Rewrites every table this add-in inserted with the current data and recalculates live formulas. Cells you edited are kept.",
  refreshNone: "This workbook holds no table inserted by this add-in.",
  refreshSummary:
    "{tables, plural, one {# table checked} other {# tables checked}}: {cells, plural, one {# cell updated} other {# cells updated}}, {skipped} left alone.",
  refreshDamaged: "The add-in's records in this workbook are damaged; no table was changed.",
  status_refreshed: "refreshed",
  status_unchanged: "already up to date",
  status_shape_changed: "rows or columns changed: refreshed only where labels still match",
  status_missing: "deleted from the workbook: forgotten",
  status_no_record: "no record of inserting it (copied from another workbook?): left alone",
  status_unknown_template: "made by another version of the add-in: left alone",
  status_template_changed: "this version lays it out differently: left alone; insert it again",
  refreshDetails:
    "{updated, plural, one {# cell updated} other {# cells updated}}, {edited, plural, one {# edited cell kept} other {# edited cells kept}}.",
  shape_rowsAdded: "{count, plural, one {# row added} other {# rows added}}",
  shape_columnsAdded: "{count, plural, one {# column added} other {# columns added}}",
  shape_rowsMissing: "{count, plural, one {# row missing} other {# rows missing}}",
  shape_columnsMissing: "{count, plural, one {# column missing} other {# columns missing}}",

  aboutData: "Data",
  aboutEdition: "Edition of the report",
  aboutCards: "Show figures as cards (Excel data types, with their source)",
  aboutVersion: "Add-in version",
  aboutLanguage: "Language",
  aboutHost: "Host",
  aboutTables:
    "{tables, plural, one {# table} other {# tables}}, {facts, plural, one {# narrative figure} other {# narrative figures}}, {discrepancies, plural, one {# recorded discrepancy} other {# recorded discrepancies}}",
  statusOfficeMissing:
    "office.js could not be loaded, so this page cannot talk to Excel. Open it from Excel instead: sideload manifest.xml (see the README), then choose IOM Report on the Home tab.",
  statusOutside:
    "This is the IOM Report task pane, opened outside Office. Open it from Excel instead: sideload manifest.xml (see the README), then choose IOM Report on the Home tab. You can still browse the templates and try formulas here.",
  statusNotExcel: "IOM Report works in Excel only; this is {host}.",
  statusApiMissing:
    "This version of Excel is too old for inserting and refreshing: they need version {version} of Excel's JavaScript API. Update Office, or use Excel on the web.",
  statusReady: "Ready in Excel for {platform}.",
  platform_PC: "Windows",
  platform_Mac: "Mac",
  platform_OfficeOnline: "the web",
  platform_iOS: "iPad",
  platform_Android: "Android",
  platform_Universal: "Windows (Universal)",
  statusPyramid:
    "This version of Excel cannot overlap bars (that needs version 1.8 of Excel's JavaScript API): the population pyramid's bars are drawn side by side.",

  errCellEdit: "Excel is editing a cell. Press Enter or Esc in the sheet, then try again.",
  errProtected:
    "The sheet or workbook is protected. Unprotect it (Review › Unprotect Sheet), or insert into a new sheet.",
  errExists: "Excel says that name is taken ({message}). Try again: the add-in picks a free name each time.",
  errArgument:
    "Excel refused the operation: {message}. The area may run past the edge of the sheet: select a cell further up or left, or insert into a new sheet.",
  errBusy: "Excel is busy (another operation is running). Wait a moment and try again.",
  errSelection: "Select a cell of a worksheet (not a chart, shape or chart sheet), then try again.",
  errGeneric:
    "Excel reported an error: {message} (Excel's error code: {code}). Try again; if it keeps happening, close and reopen the task pane.",
  errNoExcel: "Excel is not available: this only works in the task pane opened from Excel.",
};

export type StringKey = keyof typeof en;
export type Strings = Record<StringKey, string>;

const fr: Strings = {
  appName: "Rapport de l'OIM",
  tabTemplates: "Modèles",
  tabFormula: "Formule",
  tabExplain: "Expliquer",
  tabRefresh: "Actualiser",
  tabAbout: "À propos",
  tabsLabel: "Sections du volet",
  tabsMore: "Plus",
  tabsMoreLabel: "Autres sections",

  searchLabel: "Rechercher un modèle",
  searchPlaceholder: "Tableau 5, personnel, dépenses…",
  kindAll: "Tous",
  kindTables: "Tableaux",
  kindCharts: "Graphiques",
  kindLabel: "Afficher",
  resultsCount: "Modèles : {count}",
  noResults: "Aucun modèle ne correspond à « {query} ».",
  kindTable: "Tableau",
  kindChart: "Graphique",
  galleryLabel: "Modèles",
  previewHeading: "Aperçu",
  previewRows: "{shown, plural, one {# ligne affichée} other {# lignes affichées}} sur {total}.",
  previewRowsColumns:
    "{rows, plural, one {# ligne affichée} other {# lignes affichées}} sur {totalRows}, {cols, plural, one {# colonne} other {# colonnes}} sur {totalCols}.",
  previewChart:
    "{chartType} « {title} » : {series, plural, one {# série} other {# séries}} sur {categories, plural, one {# catégorie} other {# catégories}}, étiquettes de données affichées.",
  previewAxes: "Axes : {category} / {value}.",
  previewDrawing: "Dessin du graphique…",
  previewLive:
    "Formules dynamiques : les chiffres en bleu deviennent des formules =IOM.* (affichées ici avec leur valeur actuelle) ; les chiffres grisés restent des valeurs imprimées.",
  chart_ColumnClustered: "Histogramme groupé",
  chart_ColumnStacked: "Histogramme empilé",
  chart_BarClustered: "Graphique en barres groupées",
  chart_BarStacked: "Graphique en barres empilées",
  chart_Pie: "Graphique en secteurs",
  chooseTemplate: "Choisissez un modèle pour voir ce qui sera inséré.",
  modeLabel: "Insérer sous forme de",
  modeStatic: "Valeurs fixes (un tableau Excel)",
  modeLive: "Formules dynamiques (=IOM.*)",
  destLabel: "Où",
  destSelection: "À la cellule sélectionnée",
  destNewSheet: "Dans une nouvelle feuille",
  contentLangLabel: "Langue des titres insérés",
  insert: "Insérer",
  working: "En cours…",
  inserted: "Insertion en {address} : {what} (tableau Excel {table}).",
  quoted: "«\u00a0{text}\u00a0»",
  insertedChart: "Son graphique est placé à côté des données.",
  liveSummary:
    "{live, plural, one {# chiffre est une formule =IOM.*} other {# chiffres sont des formules =IOM.*}}{static, plural, =0 {.} one { ; # chiffre imprimé reste une valeur fixe (grisé).} other { ; # chiffres imprimés restent des valeurs fixes (grisés).}}",
  blockedTitle: "Rien n'a été écrit : la zone cible n'est pas vide.",
  blockedCells:
    "{address} contient déjà des données dans {count, plural, one {# cellule : {examples}} other {# cellules, par exemple {examples}}}.",
  blockedCharts: "L'insertion recouvrirait aussi : {charts}.",
  insertAtNext: "Insérer en {address} (prochain emplacement libre)",
  insertNewSheet: "Insérer dans une nouvelle feuille",

  fnLabel: "Fonction",
  anyValue: "(tous / laisser vide)",
  argPlace: "Destination (place)",
  argProgramme: "Programme ou service",
  argFrom: "Région de départ (from)",
  argAgeGroup: "Groupe d'âge",
  argGender: "Sexe",
  argCategory: "Catégorie ou classe",
  argLocation: "Lieu d'affectation",
  argNationality: "Nationalité",
  argCountry: "Pays",
  argItem: "Poste de dépenses",
  argYear: "Année",
  argRegion: "Région",
  argService: "Classification des services",
  argKey: "Chiffre",
  formulaLabel: "Formule",
  valueLabel: "Valeur",
  sourceLabel: "Source",
  insertFormula: "Insérer dans la cellule sélectionnée",
  formulaInserted: "{formula} inséré en {address}.",
  cellNotEmpty:
    "{address} n'est pas vide (elle contient « {text} »). Sélectionnez une cellule vide ; rien n'a été écrit.",
  noValue: "Pas de valeur : {message}",
  filterOptions: "Tapez pour filtrer",

  explainButton: "Expliquer la cellule sélectionnée",
  explainFollow: "Expliquer chaque cellule que je sélectionne",
  explainIntro: "Sélectionnez une cellule contenant une formule =IOM.* : le volet l'explique.",
  explainEmpty: "La cellule sélectionnée {address} est vide.",
  explainNotIom: "{address} ne contient pas de formule =IOM.* : {content}",
  explainParse:
    "{address} : cette formule ne peut pas être expliquée ({message}). Seul un appel =IOM.* avec des arguments littéraux peut l'être.",
  explainSpill:
    "{address} : IOM.{name} renvoie une liste ou un tableau entier ; Expliquer porte sur les fonctions de valeur ({functions}).",
  explainError: "{address} : {formula} ne donne pas de valeur : {message}",
  suggestions: "Vouliez-vous dire : {names} ?",
  suggestionsLabel: "Vouliez-vous dire :",
  explainCell: "Cellule",
  explainValue: "Valeur",
  explainShown: "Affiché dans la cellule",
  explainNegated: "(affiché en négatif)",
  explainWhere: "Provenance",
  explainRow: "Ligne du tableau",
  explainColumn: "Colonne",
  explainLines: "Ligne du texte du rapport",
  explainParagraph: "Paragraphe",
  explainFootnotes: "Notes de bas de tableau",
  explainQualifier: "Nuance",
  explainQualifierText: "le rapport dit « {qualifier} » ce chiffre",
  explainDiscrepancies: "Écarts relevés",
  explainFixes: "Corrections manuelles",
  explainAlsoIn: "Aussi imprimé dans",
  explainNotes: "Remarques",
  explainNone: "aucune",
  explainSource: "Source",
  explainTable: "Tableau",
  explainTitle: "Titre",
  explainStatus: "Statut",
  explainCardIntro: "{address} contient {formula} : sa carte, telle qu'Excel l'affiche.",
  linesOf: "{lines} de {file}",

  refreshButton: "Actualiser tous les tableaux IOM",
  refreshIntro:
    "Réécrit avec les données actuelles chaque tableau inséré par ce complément et recalcule les formules dynamiques. Les cellules que vous avez modifiées sont conservées.",
  refreshNone: "Ce classeur ne contient aucun tableau inséré par ce complément.",
  refreshSummary:
    "{tables, plural, one {# tableau vérifié} other {# tableaux vérifiés}} : {cells, plural, one {# cellule mise à jour} other {# cellules mises à jour}}, {skipped, plural, one {# laissé tel quel} other {# laissés tels quels}}.",
  refreshDamaged:
    "Les enregistrements du complément dans ce classeur sont endommagés ; aucun tableau n'a été modifié.",
  status_refreshed: "actualisé",
  status_unchanged: "déjà à jour",
  status_shape_changed:
    "lignes ou colonnes modifiées : actualisé seulement là où les libellés correspondent encore",
  status_missing: "supprimé du classeur : oublié",
  status_no_record: "aucune trace de son insertion (copié d'un autre classeur ?) : laissé tel quel",
  status_unknown_template: "créé par une autre version du complément : laissé tel quel",
  status_template_changed: "cette version le présente autrement : laissé tel quel ; insérez-le à nouveau",
  refreshDetails:
    "{updated, plural, one {# cellule mise à jour} other {# cellules mises à jour}}, {edited, plural, one {# cellule modifiée conservée} other {# cellules modifiées conservées}}.",
  shape_rowsAdded: "{count, plural, one {# ligne ajoutée} other {# lignes ajoutées}}",
  shape_columnsAdded: "{count, plural, one {# colonne ajoutée} other {# colonnes ajoutées}}",
  shape_rowsMissing: "{count, plural, one {# ligne manquante} other {# lignes manquantes}}",
  shape_columnsMissing: "{count, plural, one {# colonne manquante} other {# colonnes manquantes}}",

  aboutData: "Données",
  aboutEdition: "Édition du rapport",
  aboutCards: "Afficher les chiffres sous forme de cartes (types de données Excel, avec leur source)",
  aboutVersion: "Version du complément",
  aboutLanguage: "Langue",
  aboutHost: "Hôte",
  aboutTables:
    "{tables, plural, one {# tableau} other {# tableaux}}, {facts, plural, one {# chiffre du texte} other {# chiffres du texte}}, {discrepancies, plural, one {# écart relevé} other {# écarts relevés}}",
  statusOfficeMissing:
    "office.js n'a pas pu être chargé : cette page ne peut pas communiquer avec Excel. Ouvrez-la depuis Excel : chargez manifest.xml (voir le README), puis choisissez IOM Report dans l'onglet Accueil.",
  statusOutside:
    "Ceci est le volet Rapport de l'OIM, ouvert en dehors d'Office. Ouvrez-le depuis Excel : chargez manifest.xml (voir le README), puis choisissez IOM Report dans l'onglet Accueil. Vous pouvez tout de même parcourir les modèles et essayer des formules ici.",
  statusNotExcel: "Rapport de l'OIM fonctionne uniquement dans Excel ; ceci est {host}.",
  statusApiMissing:
    "Cette version d'Excel est trop ancienne pour insérer et actualiser : il faut la version {version} de l'API JavaScript d'Excel. Mettez Office à jour, ou utilisez Excel pour le web.",
  statusReady: "Prêt dans Excel pour {platform}.",
  platform_PC: "Windows",
  platform_Mac: "Mac",
  platform_OfficeOnline: "le web",
  platform_iOS: "iPad",
  platform_Android: "Android",
  platform_Universal: "Windows (Universal)",
  statusPyramid:
    "Cette version d'Excel ne sait pas superposer des barres (il faut la version 1.8 de l'API JavaScript d'Excel) : les barres de la pyramide des âges sont côte à côte.",

  errCellEdit:
    "Excel est en train de modifier une cellule. Appuyez sur Entrée ou Échap dans la feuille, puis réessayez.",
  errProtected:
    "La feuille ou le classeur est protégé. Ôtez la protection (Révision › Ôter la protection de la feuille), ou insérez dans une nouvelle feuille.",
  errExists:
    "Excel indique que ce nom est déjà pris ({message}). Réessayez : le complément choisit un nom libre à chaque fois.",
  errArgument:
    "Excel a refusé l'opération : {message}. La zone dépasse peut-être le bord de la feuille : sélectionnez une cellule plus haut ou plus à gauche, ou insérez dans une nouvelle feuille.",
  errBusy: "Excel est occupé (une autre opération est en cours). Patientez un instant, puis réessayez.",
  errSelection:
    "Sélectionnez une cellule d'une feuille de calcul (pas un graphique, une forme ou une feuille graphique), puis réessayez.",
  errGeneric:
    "Excel a signalé une erreur : {message} (code d'erreur d'Excel : {code}). Réessayez ; si cela se reproduit, fermez et rouvrez le volet.",
  errNoExcel: "Excel n'est pas disponible : ceci ne fonctionne que dans le volet ouvert depuis Excel.",
};

const es: Strings = {
  appName: "Informe de la OIM",
  tabTemplates: "Plantillas",
  tabFormula: "Fórmula",
  tabExplain: "Explicar",
  tabRefresh: "Actualizar",
  tabAbout: "Acerca de",
  tabsLabel: "Secciones del panel",
  tabsMore: "Más",
  tabsMoreLabel: "Más secciones",

  searchLabel: "Buscar plantillas",
  searchPlaceholder: "Cuadro 5, personal, gastos…",
  kindAll: "Todas",
  kindTables: "Cuadros",
  kindCharts: "Gráficos",
  kindLabel: "Mostrar",
  resultsCount: "Plantillas: {count}",
  noResults: "Ninguna plantilla coincide con «{query}».",
  kindTable: "Cuadro",
  kindChart: "Gráfico",
  galleryLabel: "Plantillas",
  previewHeading: "Vista previa",
  previewRows:
    "{shown, plural, one {Se muestra #} other {Se muestran #}} de {total, plural, one {# fila} other {# filas}}.",
  previewRowsColumns:
    "{rows, plural, one {Se muestra #} other {Se muestran #}} de {totalRows, plural, one {# fila} other {# filas}} y {cols} de {totalCols, plural, one {# columna} other {# columnas}}.",
  previewChart:
    "{chartType} «{title}»: {series, plural, one {# serie} other {# series}} en {categories, plural, one {# categoría} other {# categorías}}, con etiquetas de datos.",
  previewAxes: "Ejes: {category} / {value}.",
  previewDrawing: "Dibujando el gráfico…",
  previewLive:
    "Fórmulas dinámicas: las cifras en azul serán fórmulas =IOM.* (aquí con su valor actual); las cifras sombreadas quedan como valores impresos.",
  chart_ColumnClustered: "Gráfico de columnas agrupadas",
  chart_ColumnStacked: "Gráfico de columnas apiladas",
  chart_BarClustered: "Gráfico de barras agrupadas",
  chart_BarStacked: "Gráfico de barras apiladas",
  chart_Pie: "Gráfico circular",
  chooseTemplate: "Elija una plantilla para ver lo que se insertará.",
  modeLabel: "Insertar como",
  modeStatic: "Valores fijos (una tabla de Excel)",
  modeLive: "Fórmulas dinámicas (=IOM.*)",
  destLabel: "Dónde",
  destSelection: "En la celda seleccionada",
  destNewSheet: "En una hoja nueva",
  contentLangLabel: "Idioma de los títulos insertados",
  insert: "Insertar",
  working: "Trabajando…",
  inserted: "Se insertó {what} en {address} (tabla de Excel {table}).",
  quoted: "«{text}»",
  insertedChart: "Su gráfico se colocó junto a los datos.",
  liveSummary:
    "{live, plural, one {# cifra es una fórmula =IOM.*} other {# cifras son fórmulas =IOM.*}}{static, plural, =0 {.} one {; # cifra impresa queda como valor fijo (sombreada).} other {; # cifras impresas quedan como valores fijos (sombreadas).}}",
  blockedTitle: "No se escribió nada: el área de destino no está vacía.",
  blockedCells:
    "{address} ya contiene datos en {count, plural, one {# celda: {examples}} other {# celdas, por ejemplo {examples}}}.",
  blockedCharts: "También taparía: {charts}.",
  insertAtNext: "Insertar en {address} (siguiente lugar libre)",
  insertNewSheet: "Insertar en una hoja nueva",

  fnLabel: "Función",
  anyValue: "(todos / dejar vacío)",
  argPlace: "Destino (place)",
  argProgramme: "Programa o servicio",
  argFrom: "Región de partida (from)",
  argAgeGroup: "Grupo de edad",
  argGender: "Sexo",
  argCategory: "Categoría o grado",
  argLocation: "Lugar de destino",
  argNationality: "Nacionalidad",
  argCountry: "País",
  argItem: "Partida de gastos",
  argYear: "Año",
  argRegion: "Región",
  argService: "Clasificación de servicios",
  argKey: "Cifra",
  formulaLabel: "Fórmula",
  valueLabel: "Valor",
  sourceLabel: "Fuente",
  insertFormula: "Insertar en la celda seleccionada",
  formulaInserted: "{formula} insertada en {address}.",
  cellNotEmpty:
    "{address} no está vacía (contiene «{text}»). Seleccione una celda vacía; no se escribió nada.",
  noValue: "Sin valor: {message}",
  filterOptions: "Escriba para filtrar",

  explainButton: "Explicar la celda seleccionada",
  explainFollow: "Explicar cada celda que seleccione",
  explainIntro: "Seleccione una celda con una fórmula =IOM.*: el panel la explica.",
  explainEmpty: "La celda seleccionada {address} está vacía.",
  explainNotIom: "{address} no contiene una fórmula =IOM.*: {content}",
  explainParse:
    "{address}: esta fórmula no puede explicarse ({message}). Solo puede explicarse una llamada =IOM.* con argumentos literales.",
  explainSpill:
    "{address}: IOM.{name} devuelve una lista o un cuadro entero; Explicar funciona con las funciones de valor ({functions}).",
  explainError: "{address}: {formula} no da ningún valor: {message}",
  suggestions: "¿Quiso decir: {names}?",
  suggestionsLabel: "¿Quiso decir?",
  explainCell: "Celda",
  explainValue: "Valor",
  explainShown: "Mostrado en la celda",
  explainNegated: "(mostrado en negativo)",
  explainWhere: "Procedencia",
  explainRow: "Fila",
  explainColumn: "Columna",
  explainLines: "Línea del texto del informe",
  explainParagraph: "Párrafo",
  explainFootnotes: "Notas del cuadro",
  explainQualifier: "Matiz",
  explainQualifierText: "el informe dice «{qualifier}» esta cifra",
  explainDiscrepancies: "Discrepancias registradas",
  explainFixes: "Correcciones manuales",
  explainAlsoIn: "También impreso en",
  explainNotes: "Observaciones",
  explainNone: "ninguna",
  explainSource: "Fuente",
  explainTable: "Cuadro",
  explainTitle: "Título",
  explainStatus: "Estado",
  explainCardIntro: "{address} contiene {formula}: su tarjeta, tal como la muestra Excel.",
  linesOf: "{lines} de {file}",

  refreshButton: "Actualizar todos los cuadros IOM",
  refreshIntro:
    "Reescribe con los datos actuales cada cuadro insertado por este complemento y recalcula las fórmulas dinámicas. Las celdas que usted modificó se conservan.",
  refreshNone: "Este libro no contiene ningún cuadro insertado por este complemento.",
  refreshSummary:
    "{tables, plural, one {# cuadro revisado} other {# cuadros revisados}}: {cells, plural, one {# celda actualizada} other {# celdas actualizadas}}, {skipped} sin tocar.",
  refreshDamaged: "Los registros del complemento en este libro están dañados; no se modificó ningún cuadro.",
  status_refreshed: "actualizado",
  status_unchanged: "ya al día",
  status_shape_changed:
    "filas o columnas cambiadas: actualizado solo donde las etiquetas siguen coincidiendo",
  status_missing: "eliminado del libro: olvidado",
  status_no_record: "sin registro de su inserción (¿copiado de otro libro?): sin tocar",
  status_unknown_template: "creado por otra versión del complemento: sin tocar",
  status_template_changed: "esta versión lo presenta de otro modo: sin tocar; insértelo de nuevo",
  refreshDetails:
    "{updated, plural, one {# celda actualizada} other {# celdas actualizadas}}, {edited, plural, one {# celda modificada conservada} other {# celdas modificadas conservadas}}.",
  shape_rowsAdded: "{count, plural, one {# fila añadida} other {# filas añadidas}}",
  shape_columnsAdded: "{count, plural, one {# columna añadida} other {# columnas añadidas}}",
  shape_rowsMissing: "{count, plural, one {falta # fila} other {faltan # filas}}",
  shape_columnsMissing: "{count, plural, one {falta # columna} other {faltan # columnas}}",

  aboutData: "Datos",
  aboutEdition: "Edición del informe",
  aboutCards: "Mostrar las cifras como tarjetas (tipos de datos de Excel, con su fuente)",
  aboutVersion: "Versión del complemento",
  aboutLanguage: "Idioma",
  aboutHost: "Aplicación",
  aboutTables:
    "{tables, plural, one {# cuadro} other {# cuadros}}, {facts, plural, one {# cifra del texto} other {# cifras del texto}}, {discrepancies, plural, one {# discrepancia registrada} other {# discrepancias registradas}}",
  statusOfficeMissing:
    "No se pudo cargar office.js, así que esta página no puede comunicarse con Excel. Ábrala desde Excel: cargue manifest.xml (véase el README) y elija IOM Report en la pestaña Inicio.",
  statusOutside:
    "Este es el panel Informe de la OIM, abierto fuera de Office. Ábralo desde Excel: cargue manifest.xml (véase el README) y elija IOM Report en la pestaña Inicio. Aun así puede explorar las plantillas y probar fórmulas aquí.",
  statusNotExcel: "Informe de la OIM solo funciona en Excel; esto es {host}.",
  statusApiMissing:
    "Esta versión de Excel es demasiado antigua para insertar y actualizar: hace falta la versión {version} de la API de JavaScript de Excel. Actualice Office o use Excel para la web.",
  statusReady: "Listo en Excel para {platform}.",
  platform_PC: "Windows",
  platform_Mac: "Mac",
  platform_OfficeOnline: "la Web",
  platform_iOS: "iPad",
  platform_Android: "Android",
  platform_Universal: "Windows (Universal)",
  statusPyramid:
    "Esta versión de Excel no puede superponer barras (hace falta la versión 1.8 de la API de JavaScript de Excel): las barras de la pirámide de población se dibujan una al lado de otra.",

  errCellEdit: "Excel está editando una celda. Pulse Intro o Esc en la hoja y vuelva a intentarlo.",
  errProtected:
    "La hoja o el libro están protegidos. Desprotéjalos (Revisar › Desproteger hoja) o inserte en una hoja nueva.",
  errExists:
    "Excel indica que ese nombre ya existe ({message}). Vuelva a intentarlo: el complemento elige un nombre libre cada vez.",
  errArgument:
    "Excel rechazó la operación: {message}. Puede que el área sobrepase el borde de la hoja: seleccione una celda más arriba o más a la izquierda, o inserte en una hoja nueva.",
  errBusy: "Excel está ocupado (hay otra operación en curso). Espere un momento y vuelva a intentarlo.",
  errSelection:
    "Seleccione una celda de una hoja de cálculo (no un gráfico, una forma ni una hoja de gráfico) y vuelva a intentarlo.",
  errGeneric:
    "Excel notificó un error: {message} (código de error de Excel: {code}). Vuelva a intentarlo; si persiste, cierre y vuelva a abrir el panel.",
  errNoExcel: "Excel no está disponible: esto solo funciona en el panel abierto desde Excel.",
};

export const STRINGS: Record<Lang, Strings> = { en, fr, es };

/** A translator for one language: t("inserted", { table, address }). */
export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

export const translator =
  (lang: Lang): Translate =>
  (key, values) =>
    formatMessage(STRINGS[lang][key], values ?? {}, lang);

/** Each language by its own name, as language menus show it. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: "English", fr: "Français", es: "Español" };
