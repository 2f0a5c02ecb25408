// Small readers of what the bot answered, shared by the reliability tests.
import type { RecordedCallback } from '../fakeDiscord/index.ts';

export interface Choice {
  name: string;
  value: string | number;
}

/** The autocomplete choices of a callback (type 8). */
export function choicesOf(callback: RecordedCallback): Choice[] {
  return (callback.data as { choices?: Choice[] } | undefined)?.choices ?? [];
}

/** Whether choices obey Discord's rules: at most 25, names and string values 1-100 characters. */
export function validChoices(choices: readonly Choice[]): boolean {
  const fits = (text: string) => text.length >= 1 && text.length <= 100;
  return (
    choices.length <= 25 &&
    choices.every((c) => fits(c.name) && (typeof c.value !== 'string' || fits(c.value)))
  );
}

/** A reply a person can read: an ephemeral message with text, or an embed. */
export function isPoliteReply(callback: RecordedCallback): boolean {
  const { data } = callback;
  const ephemeralText = ((data?.flags ?? 0) & 64) !== 0 && (data?.content ?? '').length > 0;
  return ephemeralText || (data?.embeds?.length ?? 0) > 0;
}

/** Log lines (pino JSON) whose message matches. */
export function logLines(logs: string, message: RegExp): string[] {
  return logs.split('\n').filter((line) => {
    if (!line.startsWith('{')) return false;
    const { msg } = JSON.parse(line) as { msg?: string };
    return msg !== undefined && message.test(msg);
  });
}
