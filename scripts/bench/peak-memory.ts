import { writeFileSync } from 'node:fs';

/**
 * Preloaded with `node --import` into a measured process: on exit, writes its peak resident
 * memory in bytes to the file named by BENCH_PEAK_MEMORY_FILE.
 */
const target = process.env.BENCH_PEAK_MEMORY_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
