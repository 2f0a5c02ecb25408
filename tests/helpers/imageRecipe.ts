// Carries out deploy/Dockerfile without a container engine: the build stage's COPY lines copy the
// repository into a temp "/src", its RUN lines run there (deploy/build.sh), and the runtime stage's
// COPY --from=build lines move the results into a temp "/app", with its VOLUME folders made.
// What the runtime stage installs with apt (fonts) and its `node` user are not reproduced.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync } from 'node:fs';
import { chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { argsOf, parseCopy, parseDockerfile, type Stage } from './dockerfile.ts';
import { runCommand } from './runEntry.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DOCKERFILE = join(ROOT, 'deploy/Dockerfile');

export interface BuiltImage {
  build: Stage;
  runtime: Stage;
  /** The temp folder standing for the runtime stage's WORKDIR. */
  appDir: string;
  /** Maps a path inside the image (/app/...) to the temp folder. */
  hostPath(imagePath: string): string;
  /** The build's output, for failure messages. */
  buildLog: string;
}

/** Builds the image's file tree into a temp folder; rejects with the build output on failure. */
export async function buildImageTree(): Promise<BuiltImage> {
  const stages = parseDockerfile(readFileSync(DOCKERFILE, 'utf8'));
  const build = stages.find((s) => s.name === 'build');
  const runtime = stages.at(-1);
  if (!build || !runtime || runtime === build)
    throw new Error('deploy/Dockerfile: expected a stage named "build" and a runtime stage');
  const work = mkdtempSync(join(tmpdir(), 'nextbeat-image-'));
  chmodSync(work, 0o755);
  const srcWorkdir = workdirOf(build);
  const appWorkdir = workdirOf(runtime);
  const hostPath = (imagePath: string) => {
    for (const [inImage, onHost] of [
      [appWorkdir, join(work, 'app')],
      [srcWorkdir, join(work, 'src')],
    ] as const) {
      if (imagePath === inImage || imagePath.startsWith(`${inImage}/`))
        return onHost + imagePath.slice(inImage.length);
    }
    throw new Error(`deploy/Dockerfile: ${imagePath} is outside ${srcWorkdir} and ${appWorkdir}`);
  };
  const resolveIn = (workdir: string, path: string) =>
    hostPath(path.startsWith('/') ? path : join(workdir, path));

  for (const line of argsOf(build, 'COPY')) {
    const { sources, destination } = parseCopy(line);
    const into = destination.endsWith('/') || sources.length > 1;
    for (const source of sources) {
      const target = resolveIn(
        srcWorkdir,
        into ? join(destination, basename(source)) : destination,
      );
      cpSync(join(ROOT, source), target, { recursive: true });
    }
  }
  let buildLog = '';
  for (const command of argsOf(build, 'RUN')) {
    const run = runCommand(
      'sh',
      ['-c', command],
      { NEXTBEAT_BUILD_REUSE_NODE_MODULES: realpathSync(join(ROOT, 'node_modules')) },
      { cwd: hostPath(srcWorkdir) },
    );
    const code = await run.exited;
    buildLog += run.output();
    if (code !== 0) throw new Error(`RUN ${command} exited ${code}:\n${buildLog}`);
  }
  for (const line of argsOf(runtime, 'COPY')) {
    const { from, sources, destination } = parseCopy(line);
    if (from !== 'build')
      throw new Error(`deploy/Dockerfile: runtime COPY ${line} is not --from=build`);
    const target = resolveIn(appWorkdir, destination);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(hostPath(sources[0]!), target);
  }
  for (const line of argsOf(runtime, 'VOLUME'))
    for (const volume of JSON.parse(line) as string[])
      mkdirSync(hostPath(volume), { recursive: true });
  return { build, runtime, appDir: hostPath(appWorkdir), hostPath, buildLog };
}

function workdirOf(stage: Stage): string {
  const workdir = argsOf(stage, 'WORKDIR').at(-1);
  if (!workdir?.startsWith('/'))
    throw new Error(`deploy/Dockerfile: stage ${stage.name} needs an absolute WORKDIR`);
  return workdir;
}
