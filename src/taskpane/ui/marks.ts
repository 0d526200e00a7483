/** Performance mark set when the pane first shows content (the bench reads it in headless chromium). */
export const FIRST_RENDER_MARK = "iom:first-render";
