// The title a listener types: a release's title without what marks it as one version among
// others ("(feat. X)", "- Remastered 2011", "- Live Aid", "(Slowed + Reverb)", "- From "Frozen"
// Soundtrack"), and, shorter still, without a bracketed subtitle ("Sweet Dreams (Are Made of This)").
// Broader than songKey.ts on purpose: there a live or acoustic version stays a separate song for
// de-duplication; here it is still a version of the song the listener named.

/** Suffixes that start like a credit or a source: "feat. X", "with X", "from "Film"", "arr. X". */
const CREDIT =
  /^(?:feat|ft|featuring|with|w\/|prod|from|taken from|arr|as made famous by|originally performed by|in the style of)\b/;

/** Words that mark a version anywhere in a suffix: "Live at Wembley", "2011 Remaster". */
const VERSION_WORD = new RegExp(
  '\\b(?:' +
    [
      'remaster\\w*',
      'remasteri[sz]\\w*',
      'live',
      'vivo',
      'directo',
      'unplugged',
      'version',
      'versi[oó]n',
      'vers[aã]o',
      'versione',
      'ver',
      'edit',
      'edited',
      'edition',
      're-?edit',
      'mix',
      'mixed',
      'remix\\w*',
      'rmx',
      'b[oô]nus',
      'acoustic',
      'ac[uú]stic[oa]',
      'akustik',
      'instrumental',
      'slowed',
      'sped up',
      'speed up',
      'reverb',
      'nightcore',
      'demo',
      'mono',
      'stereo',
      'explicit',
      'clean',
      'singles?',
      'deluxe',
      're-?recorded',
      'recorded',
      'sessions?',
      'studio',
      'karaoke',
      'cover',
      'lo-?fi',
      'flip',
      'extended',
      'radio',
      'tv size',
      'anniversary',
      'outtake',
      'take \\d+',
      'a ?cappella',
      'dub',
      'vip',
      'bootleg',
      'mashup',
      'rework',
      'soundtrack',
      'ost',
      'score',
      'cast recording',
      'original',
      'loopable',
      'remake',
      'stripped',
      'vocals?',
      'piano',
      'duet',
      'jersey club',
      'motion picture',
      'theme from',
      'music from',
      'from the (?:film|movie|series|musical|show)',
    ].join('|') +
    ')\\b',
);

/** A bare year: "Song - 1999", "Song (2011)". */
const YEAR = /^(?:19|20)\d\d$/;

/** " - suffix" (or an en/em dash) at the end; the suffix itself holds no such separator. */
const DASH_SUFFIX = / [-–—] ((?:(?! [-–—] ).)*)$/;

/** Whether the text of one suffix marks a version (credit, version word or year). */
export function isVersionSuffix(suffix: string): boolean {
  const text = suffix.trim().toLowerCase();
  return CREDIT.test(text) || VERSION_WORD.test(text) || YEAR.test(text);
}

/**
 * The base title: trailing bracketed or " - " suffixes that mark a version removed, repeatedly
 * ("Uptown Funk (feat. Bruno Mars)" -> "Uptown Funk"). A title that is only a suffix is kept whole.
 */
export function baseTitleOf(title: string): string {
  return stripSuffixes(title, false);
}

/**
 * The title as people say it: the base title without a trailing bracketed subtitle either
 * ("Running Up That Hill (A Deal With God) - 2018 Remaster" -> "Running Up That Hill"); the same
 * whether given a title or its base title. Only brackets: after " - " a part that marks no version
 * is too often the title itself ("Lady - Hear Me Tonight").
 */
export function shortTitleOf(title: string): string {
  return stripSuffixes(title, true);
}

function stripSuffixes(title: string, anyBracket: boolean): string {
  let current = title.trim();
  for (;;) {
    const suffix = lastSuffix(current);
    if (!suffix || !((anyBracket && suffix.bracketed) || isVersionSuffix(suffix.text))) {
      return current;
    }
    const stripped = current.slice(0, suffix.start).trim();
    if (stripped === '') return current;
    current = stripped;
  }
}

/** The last bracketed group (brackets balanced, so nested ones stay inside) or " - " part. */
function lastSuffix(
  title: string,
): { start: number; text: string; bracketed: boolean } | undefined {
  const last = title.charCodeAt(title.length - 1);
  if (last === 41 || last === 93) {
    // ")" or "]": walk back to the bracket that opens this group.
    let depth = 0;
    for (let i = title.length - 1; i >= 0; i--) {
      const c = title.charCodeAt(i);
      if (c === 41 || c === 93) depth++;
      else if ((c === 40 || c === 91) && --depth === 0) {
        return { start: i, text: title.slice(i + 1, -1), bracketed: true };
      }
    }
    return undefined;
  }
  const dash = DASH_SUFFIX.exec(title);
  return dash ? { start: dash.index, text: dash[1] ?? '', bracketed: false } : undefined;
}
