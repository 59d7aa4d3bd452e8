// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** True when `text` is well-formed UTF-16 (String.prototype.isWellFormed, without needing ES2024 types). */
export const isWellFormedText = (text: string): boolean => !LONE_SURROGATE.test(text);

/** `text` with lone surrogates and NUL replaced by U+FFFD: what both databases store unchanged. */
export const storableText = (text: string): string =>
  text.replace(LONE_SURROGATES, '\uFFFD').replaceAll('\u0000', '\uFFFD');
