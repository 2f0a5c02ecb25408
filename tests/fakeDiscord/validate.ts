// Discord's size limits on what a bot sends, so a body Discord would reject is rejected here too.
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type { APIApplicationCommandOptionChoice, APIEmbed } from 'discord.js';
import { apiError } from './router.ts';
import type { RestResponse } from './router.ts';

export interface Violation {
  path: string;
  message: string;
}

/** The fields of a callback, edit or follow-up body that have limits. */
export interface CheckedBody {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: unknown[] | null;
  flags?: number | null;
  choices?: APIApplicationCommandOptionChoice[];
  custom_id?: string;
}

type Check = (path: string, ok: boolean, message: string) => void;

/** Limit violations in a message body or autocomplete/modal callback data; empty when valid. */
export function validateBody(data: CheckedBody | undefined): Violation[] {
  const violations: Violation[] = [];
  if (!data) return violations;
  const check: Check = (path, ok, message) => {
    if (!ok) violations.push({ path, message });
  };
  const { content, embeds, components, choices } = data;
  if (typeof content === 'string')
    check('content', content.length <= 2000, 'Must be 2000 or fewer in length.');
  if (embeds) validateEmbeds(embeds, check);
  if (components && !((data.flags ?? 0) & MessageFlags.IsComponentsV2) && !data.custom_id) {
    validateRows(components as unknown as Row[], check);
  }
  if (choices) {
    check('choices', choices.length <= 25, 'Must be 25 or fewer in length.');
    choices.forEach((c, i) => {
      check(
        `choices.${i}.name`,
        c.name.length >= 1 && c.name.length <= 100,
        'Must be between 1 and 100 in length.',
      );
      if (typeof c.value === 'string')
        check(`choices.${i}.value`, c.value.length <= 100, 'Must be 100 or fewer in length.');
    });
  }
  return violations;
}

function validateEmbeds(embeds: APIEmbed[], check: Check): void {
  check('embeds', embeds.length <= 10, 'Must be 10 or fewer in length.');
  let total = 0;
  embeds.forEach((e, i) => {
    const at = `embeds.${i}`;
    check(`${at}.title`, (e.title ?? '').length <= 256, 'Must be 256 or fewer in length.');
    check(
      `${at}.description`,
      (e.description ?? '').length <= 4096,
      'Must be 4096 or fewer in length.',
    );
    check(
      `${at}.footer.text`,
      (e.footer?.text ?? '').length <= 2048,
      'Must be 2048 or fewer in length.',
    );
    check(
      `${at}.author.name`,
      (e.author?.name ?? '').length <= 256,
      'Must be 256 or fewer in length.',
    );
    check(`${at}.fields`, (e.fields ?? []).length <= 25, 'Must be 25 or fewer in length.');
    (e.fields ?? []).forEach((f, j) => {
      check(
        `${at}.fields.${j}.name`,
        f.name.length >= 1 && f.name.length <= 256,
        'Must be between 1 and 256 in length.',
      );
      check(
        `${at}.fields.${j}.value`,
        f.value.length >= 1 && f.value.length <= 1024,
        'Must be between 1 and 1024 in length.',
      );
      total += f.name.length + f.value.length;
    });
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length;
  });
  check('embeds', total <= 6000, 'Embed size exceeds maximum size of 6000');
}

interface Row {
  type: number;
  components?: {
    type: number;
    style?: number;
    custom_id?: string;
    label?: string;
    url?: string;
    options?: unknown[];
  }[];
}

function validateRows(rows: Row[], check: Check): void {
  check('components', rows.length <= 5, 'Must be 5 or fewer in length.');
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const children = row.components ?? [];
    check(
      `components.${i}.type`,
      row.type === ComponentType.ActionRow,
      'Top-level components must be action rows.',
    );
    check(
      `components.${i}.components`,
      children.length >= 1 && children.length <= 5,
      'Must be between 1 and 5 in length.',
    );
    children.forEach((c, j) => {
      const at = `components.${i}.components.${j}`;
      const isLink =
        c.type === ComponentType.Button &&
        (c.style === ButtonStyle.Link || c.style === ButtonStyle.Premium);
      if (!isLink) {
        check(
          `${at}.custom_id`,
          !!c.custom_id && c.custom_id.length <= 100,
          'Must be between 1 and 100 in length.',
        );
        check(
          `${at}.custom_id`,
          !c.custom_id || !ids.has(c.custom_id),
          'Component custom id cannot be duplicated',
        );
        if (c.custom_id) ids.add(c.custom_id);
      }
      if (c.label !== undefined)
        check(`${at}.label`, c.label.length <= 80, 'Must be 80 or fewer in length.');
      if (c.options)
        check(`${at}.options`, c.options.length <= 25, 'Must be 25 or fewer in length.');
      if (c.type !== ComponentType.Button)
        check(
          `components.${i}.components`,
          children.length === 1,
          'A select must be alone in its row.',
        );
    });
  });
}

/** Discord's 400 "Invalid Form Body" (code 50035) for these violations, nested under `wrapIn`. */
export function invalidFormBody(violations: Violation[], wrapIn?: string): RestResponse {
  const errors = Object.fromEntries(
    violations.map((v) => [
      v.path,
      { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: v.message }] },
    ]),
  );
  return apiError(400, 50035, 'Invalid Form Body', wrapIn ? { [wrapIn]: errors } : errors);
}
