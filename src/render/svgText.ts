/**
 * Characters XML 1.0 does not allow in a document: C0 controls but tab, newline and carriage
 * return; U+FFFE and U+FFFF; and surrogates that are not half of a pair.
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu;

/**
 * Text made safe for SVG (XML 1.0) element content and attribute values: every character XML
 * does not allow becomes U+FFFD, and `& < > " '` become entities, so the document stays
 * well-formed whatever a label holds.
 *
 * @internal
 */
export function svgText(value: string): string {
  return value
    .replace(NOT_XML, "\ufffd")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
