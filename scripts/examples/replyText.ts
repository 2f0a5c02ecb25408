// A bot reply as the text a Discord user reads: content, embeds, buttons and menus, attachments.
// For the README's example replies (scripts/example-replies.ts).

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  image?: { url: string };
}
interface ComponentLike {
  type: number;
  label?: string;
  placeholder?: string;
  options?: { label: string; description?: string; emoji?: { name?: string } | null }[];
}
/** The parts of a message, a callback's data or an edit's body that a user sees. */
export interface ReplyBody {
  content?: string | null;
  embeds?: EmbedLike[];
  components?: { components?: ComponentLike[] }[];
  flags?: number;
}

const EPHEMERAL = 64;

/**
 * The reply as quoted text: every line prefixed with "> ", as Discord shows a quote. Embed
 * descriptions longer than `maxLines` lines are cut there, saying how many lines were left out.
 */
export function replyText(
  body: ReplyBody | undefined,
  files: string[] = [],
  maxLines = Infinity,
): string {
  if (!body) return '> (no reply)';
  const lines: string[] = [];
  if ((body.flags ?? 0) & EPHEMERAL) lines.push('*(only you can see this)*');
  if (body.content) lines.push(body.content);
  for (const embed of body.embeds ?? []) lines.push(...embedLines(embed, maxLines));
  const controls = (body.components ?? []).flatMap((row) => row.components ?? []).map(controlText);
  if (controls.length > 0) lines.push(controls.join(' '));
  if (files.length > 0) lines.push(`attached: ${files.join(', ')}`);
  return lines
    .join('\n')
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}

function embedLines(embed: EmbedLike, maxLines: number): string[] {
  const lines: string[] = [];
  if (embed.title) lines.push(`**${embed.title}**`);
  const description = embed.description?.split('\n') ?? [];
  lines.push(...description.slice(0, maxLines));
  if (description.length > maxLines) lines.push(`(${description.length - maxLines} more lines)`);
  for (const field of embed.fields ?? []) lines.push(`**${field.name}**`, field.value);
  if (embed.image) lines.push(`[chart: ${embed.image.url.replace(/^attachment:\/\//, '')}]`);
  if (embed.footer) lines.push(`*${embed.footer.text}*`);
  return lines;
}

// Buttons as [label]; a menu as its placeholder and its first two options (a README needs no more).
function controlText(component: ComponentLike): string {
  if (component.options) {
    const shown = component.options.slice(0, 2).map((o) => {
      const emoji = o.emoji?.name ? `${o.emoji.name} ` : '';
      return `${emoji}${o.label}${o.description ? ` (${o.description})` : ''}`;
    });
    const more = component.options.length - shown.length;
    return `[menu "${component.placeholder ?? ''}": ${shown.join(' / ')}${more > 0 ? ` / ${more} more` : ''}]`;
  }
  return `[${component.label ?? '?'}]`;
}
