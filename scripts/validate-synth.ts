/**
 * `npm run synth` runs this after `cdktf synth`: checks every stack in cdktf.out against the pinned provider
 * schema and prints one line per problem. Exits 1 on problems, 2 when there is nothing to check.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateTerraformJson } from '../lib/testing/provider-schema';

const out = path.resolve(process.argv[2] ?? 'cdktf.out');
const stacksDir = path.join(out, 'stacks');
if (!fs.existsSync(stacksDir)) {
  console.error(`validate-synth: no stacks under ${out}; run cdktf synth first`);
  process.exit(2);
}
let problems = 0;
const stacks = fs.readdirSync(stacksDir).sort();
for (const stack of stacks) {
  const file = path.join(stacksDir, stack, 'cdk.tf.json');
  const found = validateTerraformJson(JSON.parse(fs.readFileSync(file, 'utf8')));
  for (const p of found) console.error(`${stack}: ${p.address} ${p.message}`);
  problems += found.length;
}
console.log(`validate-synth: ${stacks.length} stack(s) checked against genesyscloud 1.84.1, ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
