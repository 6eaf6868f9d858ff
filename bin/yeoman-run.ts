/** The bin's run through yeoman-environment: what `yo infra-stack` does, prompts included. */
import { fileURLToPath } from 'node:url';

const NAMESPACE = 'infra-stack:app';
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const generatorPath = fileURLToPath(new URL('../generators/app/index.js', import.meta.url));

export async function runThroughYeoman(values: Record<string, unknown>): Promise<void> {
  // Loaded only here: yeoman-environment alone takes about a second to import.
  const { createEnv } = await import('yeoman-environment');
  const env = createEnv();
  env.register(generatorPath, { namespace: NAMESPACE, packagePath: packageRoot });
  await env.run([NAMESPACE], values);
}
