import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat on Linux. */
export const CLK_TCK = 100;

/** CPU ticks (user + system) a process has used so far, from /proc (Linux); 0 when it is gone. */
export function cpuTicks(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}
