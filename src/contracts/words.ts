// Words and numbers a person reads, shared by the server (messages, the PDF) and the web app.

const pluralRules = new Intl.PluralRules('en-US');

/**
 * The word for `count` things, chosen by Intl.PluralRules: plural(1, 'flow', 'flows') is 'flow'.
 * Never "flow(s)".
 */
export function plural(count: number, one: string, other: string): string {
  return pluralRules.select(count) === 'one' ? one : other;
}

/** A count with its noun: countOf(2, 'problem') is '2 problems'; give `other` when not `one`+s. */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${plural(count, one, other)}`;
}
