// Text the retrain replies show: cut to Discord's limit without losing the line that says what
// happens next, and file names from the payload made harmless to display.
import { escapeMarkdown } from 'discord.js';

/** Discord's limit on a message's content, in characters. */
export const MAX_CONTENT_LENGTH = 2000;

const CUT_MARK = '…';
const MAX_SHOWN_NAME = 80;

/**
 * The text cut to `max` characters keeping its beginning (the first line says what happened) and
 * its last line whole (it says what happens next); a last line longer than half of `max` is cut too.
 */
export function fitReply(text: string, max = MAX_CONTENT_LENGTH): string {
  if (text.length <= max) return text;
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak < 0) return cutEnd(text, max);
  const tail = cutEnd(text.slice(lastBreak), Math.floor(max / 2));
  return cutEnd(text.slice(0, lastBreak), max - tail.length) + tail;
}

/** The first `max` characters of `text`, ending in a cut mark when something was left out. */
function cutEnd(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - CUT_MARK.length);
  // Never split a surrogate pair: half an emoji is not text Discord accepts.
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, end) + CUT_MARK;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * An attached file's name as a reply may show it: one line, no control or invisible characters
 * (bidi overrides could disguise it), at most 80 characters, markdown escaped and mentions unable
 * to ping. A name with nothing left to show becomes "unnamed file".
 */
export function shownFileName(name: unknown): string {
  const oneLine = (typeof name === 'string' ? name : '')
    .replace(/\s+/gu, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, '')
    .replaceAll('"', "'")
    .trim();
  if (oneLine === '') return 'unnamed file';
  const points = [...oneLine];
  const short =
    points.length > MAX_SHOWN_NAME ? `${points.slice(0, MAX_SHOWN_NAME - 1).join('')}…` : oneLine;
  return escapeMarkdown(short).replaceAll('@', '@\u200b');
}
