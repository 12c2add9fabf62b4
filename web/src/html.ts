/**
 * Escaping for the few places where the web app hands text to something that parses HTML: ECharts
 * tooltips (a formatter's string is inserted as HTML) and `v-html` search snippets. Everything else is
 * rendered by Vue's text interpolation, which escapes on its own.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }

/** `text` as HTML text: any user-written string given to an HTML sink goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, ch => ENTITIES[ch]!)
}

/**
 * A search snippet the server has HTML-escaped and wrapped matches of in `<mark>`: every other `<` is
 * escaped again here, so even a snippet the server got wrong cannot carry markup other than `<mark>`.
 */
export function markOnly(snippet: string): string {
  return snippet.replace(/<(?!\/?mark>)/g, '&lt;')
}
