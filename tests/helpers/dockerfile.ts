// Reads a Dockerfile into stages of instructions, so a test can carry out what the image would do
// (its COPY, RUN, ENV, USER, HEALTHCHECK and CMD lines) without a container engine.

export interface Instruction {
  keyword: string;
  /** The rest of the line, continuations joined. */
  args: string;
}

export interface Stage {
  name: string | undefined;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages (one per FROM); comments dropped, `\` continuations joined. */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const joined = text.replace(/\\\n(\s*#.*\n)*/g, ' ');
  for (const raw of joined.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [, keyword = '', args = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.trim() };
    if (instruction.keyword === 'FROM') {
      stages.push({ name: /\bAS\s+(\S+)$/i.exec(args)?.[1], instructions: [] });
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile: "${line}" comes before any FROM`);
    stage.instructions.push(instruction);
  }
  return stages;
}

/** The instructions of one keyword in a stage. */
export function argsOf(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

/** A COPY line: its --from stage (if any), source paths and destination. */
export function parseCopy(args: string): { from?: string; sources: string[]; destination: string } {
  const words = args.split(/\s+/);
  const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
  const paths = words.filter((w) => !w.startsWith('--'));
  const destination = paths.pop();
  if (!destination || paths.length === 0) throw new Error(`Dockerfile: COPY ${args} lacks paths`);
  return { from, sources: paths, destination };
}

/** ENV lines in the key=value form, as one record. */
export function parseEnv(lines: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of lines) {
    for (const [, key, value] of line.matchAll(/(\w+)=("[^"]*"|\S+)/g))
      env[key!] = value!.replace(/^"|"$/g, '');
  }
  return env;
}

/** The exec (JSON array) form of CMD or HEALTHCHECK ... CMD; the shell form is refused. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string'))
    throw new Error(`Dockerfile: expected the exec form ["node", ...], got ${args}`);
  return parsed;
}
