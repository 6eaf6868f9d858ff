import type { EnginePhase } from '../../core/index.js';
import { generate } from '../../lib/index.js';

/** `node phases.js <document> <outDir>`: one full generation; prints its phase times and peak memory as JSON. */
export interface PhaseMeasurement {
  phases: Partial<Record<EnginePhase, number>>;
  files: number;
  peakRssBytes: number;
}

async function main(): Promise<void> {
  const [document, outDir] = process.argv.slice(2);
  if (!document || !outDir) throw new Error('usage: phases.js <document> <outDir>');
  const phases: PhaseMeasurement['phases'] = {};
  const result = await generate({ apiFiles: [document], outDir, force: true, onPhase: (phase, ms) => (phases[phase] = ms) });
  const measurement: PhaseMeasurement = { phases, files: result.created.length + result.updated.length + result.unchanged.length, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
  console.log(JSON.stringify(measurement));
}

await main();
