// What is left of a process group: read from /proc, so a test can check that nothing survived.
import { readdirSync, readFileSync } from 'node:fs';

/** Live (not zombie) processes in the group, as "pid command line" strings. */
export function processesInGroup(groupId: number): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) !== groupId || state === 'Z') continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      found.push(`${pid} ${command}`);
    } catch {
      // ended while we looked
    }
  }
  return found;
}

/** Kills whatever is left of the group (a failed test must not leave bots running). */
export function killGroup(groupId: number): void {
  try {
    process.kill(-groupId, 'SIGKILL');
  } catch {
    // nothing left
  }
}
