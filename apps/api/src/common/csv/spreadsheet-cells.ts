/**
 * CSV cells a spreadsheet would run as formulas (OWASP "CSV injection"): text beginning with `=`, `+`, `-`, `@`,
 * tab or carriage return. Exports prefix such text cells with a single quote, which spreadsheets show as text and
 * do not evaluate; numeric columns are written as they are, so `-12.5` stays a number.
 *
 * The prefix must come off again on import, so an export imports back unchanged. The rule is one-to-one: export
 * prefixes a text cell matching `'*` then a trigger character (so a cell that already began with a quote and a
 * trigger keeps its own quote), and import drops one leading quote from a cell matching `'+` then a trigger.
 * Any other cell, including one that begins with a quote followed by something else, passes both ways unchanged.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** A text cell as written to a CSV export. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A text cell as read from a CSV import: the inverse of `neutraliseFormula`. */
export function restoreFormula(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}
