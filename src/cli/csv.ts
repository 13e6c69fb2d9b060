/**
 * The fields of one CSV record (RFC 4180: commas, double-quoted fields, `""` inside quotes),
 * or null when a quoted field is still open at the end of `text` (the record goes on to the
 * next line).
 */
export function parseCsvRecord(text: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  const end = text.length;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = "";
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return null;
        value += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      // Anything between the closing quote and the comma is kept, as spreadsheets do.
      const comma = text.indexOf(",", i);
      const stop = comma === -1 ? end : comma;
      value += text.slice(i, stop);
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
    } else {
      const comma = text.indexOf(",", i);
      if (comma === -1) {
        fields.push(text.slice(i, end));
        return fields;
      }
      fields.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
}

/**
 * A value as one CSV cell: quoted when it holds a comma, quote or line break, and prefixed
 * with `'` when it starts with `=`, `+`, `-`, `@` (or a tab or carriage return), so a
 * spreadsheet shows it as text instead of running it as a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Where a CSV record being read stands at the end of a line (see {@link scanCsvLine}). */
export interface CsvScan {
  /** Inside a quoted field: the record goes on to the next line. */
  inQuotes: boolean;
}

/**
 * Advances `scan` over one line of a CSV record by the grammar of {@link parseCsvRecord}: a
 * quote opens a quoted field only at a field's start, `""` inside one is a quote, anything
 * else closes it. Linear in the line, so a record that spans many lines (or an unclosed
 * quote) is read once, not re-parsed on every line. Returns whether the record is complete.
 */
export function scanCsvLine(text: string, scan: CsvScan): boolean {
  let inQuotes = scan.inQuotes;
  let fieldStart = !inQuotes;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i += 1;
        else inQuotes = false;
      }
    } else if (c === 44) {
      fieldStart = true;
      continue;
    } else if (c === 34 && fieldStart) {
      inQuotes = true;
    }
    fieldStart = false;
  }
  scan.inQuotes = inQuotes;
  return !inQuotes;
}
