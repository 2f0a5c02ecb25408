// One text normalisation for titles, artists and queries, so "Beyoncé", "beyonce" and "BEYONCE!" meet.

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’`´]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const ASCII_APOSTROPHES = /['`]/g;
const ASCII_OTHER = /[^a-z0-9]+/g;

/**
 * Lowercases, strips accents, drops apostrophes ("don't" -> "dont") and turns every other run of
 * punctuation or spaces into one space, trimmed. Letters of every script are kept.
 */
export function normalizeText(text: string): string {
  if (PLAIN_ASCII.test(text)) {
    // Fast path for plain ASCII (most titles): no accents to strip, simpler classes.
    return text.toLowerCase().replace(ASCII_APOSTROPHES, '').replace(ASCII_OTHER, ' ').trim();
  }
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

/** Like normalizeText with the spaces removed too, for short names such as genres ("k-pop" = "kpop"). */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}
