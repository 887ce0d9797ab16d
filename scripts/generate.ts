/** `npm run generate`: rewrites every generated file from the pinned data. Deterministic; CI checks it is a no-op. */
import { generateBindings } from './generate-bindings';
import { generateCatalog } from './generate-catalog';
import { generateDocs } from './generate-docs';
import { generateSchema } from './generate-schema';

async function main(): Promise<void> {
  const only = process.argv[2];
  if (!only || only === 'catalog') generateCatalog();
  if (!only || only === 'bindings') await generateBindings();
  if (!only || only === 'docs') generateDocs();
  if (!only || only === 'schema') generateSchema();
}

main().catch((err: unknown) => {
  console.error(`generate: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
