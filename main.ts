/**
 * The root app: `npx cdktf synth` here synthesizes every example into cdktf.out/stacks/<example>/cdk.tf.json.
 */
import { App } from 'cdktf';
import { EXAMPLES } from './examples';

const app = new App();
for (const [name, build] of Object.entries(EXAMPLES)) build(app, name);
app.synth();
