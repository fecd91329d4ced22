/**
 * A preload (`node -r peak.js …`) that writes the process's peak resident memory, in KB, to the
 * file named by $PEAK_FILE as it exits. Linux's VmHWM (/proc/self/status) is the peak of this
 * program's own memory; getrusage's maxRSS (process.resourceUsage) also keeps the high-water
 * mark of the process before its execve — the parent's, when a large benchmark process spawns
 * it — so it is only the fallback where /proc is missing.
 */
export const PEAK_PRELOAD = `process.on('exit', () => {
  const fs = require('fs');
  const file = process.env.PEAK_FILE;
  if (!file) return;
  let kb = process.resourceUsage().maxRSS;
  try {
    const m = /VmHWM:\\s*(\\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) kb = Number(m[1]);
  } catch {}
  fs.writeFileSync(file, String(kb));
});
`;
