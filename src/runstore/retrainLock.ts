// One retrain at a time across every replica sharing a run store: a lock file created with O_EXCL
// (only one creator can succeed, on local disks and on NFS v3+ alike) holding who took it and when.
// Its holder touches it every quarter of the stale time; a lock not touched for the stale time is
// left by a crashed trainer and is broken. Breaking takes a second O_EXCL file, and re-reads the lock
// under it, so two replicas that both find a stale lock cannot both break it and both train.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';

/** Who holds the lock, as written in it. */
export interface LockHolder {
  owner: string;
  startedAt: string;
  host: string;
  pid: number;
  token: string;
}

/** A retrain is already running somewhere; the message says who started it and when. */
export class RetrainLockedError extends Error {
  override name = 'RetrainLockedError';
  constructor(readonly holder: LockHolder | undefined) {
    super(
      holder
        ? `a retrain is already running (started by ${holder.owner} at ${holder.startedAt})`
        : 'a retrain is already running (its lock is being taken over)',
    );
  }
}

/** A lock this process holds until release(). */
export interface HeldLock {
  holder: LockHolder;
  release(): void;
}

export interface LockOptions {
  /** A lock untouched this long is taken to be a crashed trainer's. */
  staleMs: number;
  now?: () => number;
}

/** Takes the lock at `path` for `owner`, breaking a stale one; RetrainLockedError when held. */
export function acquireRetrainLock(path: string, owner: string, options: LockOptions): HeldLock {
  const holder: LockHolder = {
    owner,
    startedAt: new Date((options.now ?? Date.now)()).toISOString(),
    host: hostname(),
    pid: process.pid,
    token: randomBytes(8).toString('hex'),
  };
  const text = JSON.stringify(holder);
  if (!tryCreate(path, text)) {
    const found = readLock(path);
    if (!found || !isStale(path, options) || !breakStaleLock(path, found.text, options)) {
      throw new RetrainLockedError(found?.holder);
    }
    if (!tryCreate(path, text)) throw new RetrainLockedError(readLock(path)?.holder);
  }
  const heartbeat = setInterval(() => touchIfOurs(path, text), Math.max(50, options.staleMs / 4));
  heartbeat.unref();
  return {
    holder,
    release() {
      clearInterval(heartbeat);
      try {
        if (readLock(path)?.text === text) unlinkSync(path);
      } catch {
        // A store out of reach: the lock, no longer touched, goes stale and is taken over.
      }
    },
  };
}

function tryCreate(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLock(path: string): { text: string; holder: LockHolder | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // released meanwhile
  }
  try {
    return { text, holder: JSON.parse(text) as LockHolder };
  } catch {
    return { text, holder: undefined }; // its creator died between creating and writing it
  }
}

function isStale(path: string, { staleMs, now = Date.now }: LockOptions): boolean {
  try {
    return now() - statSync(path).mtimeMs > staleMs;
  } catch {
    return false;
  }
}

// Removes the lock only if it is still the stale one read before, under the breaker file.
function breakStaleLock(path: string, staleText: string, options: LockOptions): boolean {
  const breaker = `${path}.break`;
  if (!tryCreate(breaker, String(process.pid))) {
    // A breaker that crashed mid-break leaves its file: cleared once stale, for a later attempt.
    if (isStale(breaker, options)) unlinkSync(breaker);
    return false;
  }
  try {
    if (readLock(path)?.text !== staleText || !isStale(path, options)) return false;
    unlinkSync(path);
    return true;
  } finally {
    unlinkSync(breaker);
  }
}

function touchIfOurs(path: string, text: string): void {
  try {
    if (readLock(path)?.text === text) utimesSync(path, new Date(), new Date());
  } catch {
    // A store briefly out of reach: the next beat tries again.
  }
}
