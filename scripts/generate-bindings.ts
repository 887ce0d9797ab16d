/**
 * Generates the genesyscloud provider bindings from the pinned schema, offline.
 *
 * Input:  data/genesyscloud/provider-schema.json (provider 1.84.1, `terraform providers schema -json` format)
 * Output: src/generated/provider/** (do not edit; rerun `npm run generate`)
 *
 * Uses @cdktf/provider-generator directly (PROVIDER.md "Route B"), so neither the Terraform registry nor a
 * terraform binary is needed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROVIDER, ROOT, compareStrings, generatedHeader, sha256File } from './util';

export async function generateBindings(): Promise<void> {
  process.env.CHECKPOINT_DISABLE = '1';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TerraformProviderGenerator, CodeMaker } = require('@cdktf/provider-generator');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ConstructsMakerProviderTarget, TerraformProviderConstraint, LANGUAGES } = require('@cdktf/commons');

  const schemaFile = path.join(ROOT, 'data/genesyscloud/provider-schema.json');
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  schema.provider_versions = { [PROVIDER.fqn]: PROVIDER.version };

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gca-bindings-'));
  const gen = new TerraformProviderGenerator(new CodeMaker(), schema);
  gen.generate(
    new ConstructsMakerProviderTarget(
      new TerraformProviderConstraint({ name: PROVIDER.name, source: PROVIDER.source, version: PROVIDER.constraint }),
      LANGUAGES[0],
    ),
  );
  await gen.save(tmp);

  const from = path.join(tmp, 'providers', PROVIDER.name);
  const to = path.join(ROOT, 'src/generated/provider');
  fs.rmSync(to, { recursive: true, force: true });
  const header = generatedHeader('scripts/generate-bindings.ts', {
    'data/genesyscloud/provider-schema.json': sha256File(schemaFile),
  });
  copyWithHeader(from, to, header);
  fs.rmSync(tmp, { recursive: true, force: true });
}

function copyWithHeader(from: string, to: string, header: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name))) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      copyWithHeader(src, dst, header);
    } else if (entry.name.endsWith('.ts')) {
      fs.writeFileSync(dst, header + fs.readFileSync(src, 'utf8'));
    } else {
      fs.copyFileSync(src, dst);
    }
  }
}
