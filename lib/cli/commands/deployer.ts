/** `genesys-access deployer`: what the deploying client must hold. */
import { buildDeployer } from '../../doctor/deployer';
import { renderDeployerMarkdown } from '../../doctor/render-markdown';
import { renderJson } from '../../review/render-json';
import { type Command, EXIT, FORMAT, format, HELP, INPUT, INPUT_FLAGS, inputs } from './shared';

export const deployer: Command = {
  name: 'deployer',
  summary: 'what the OAuth client running `cdktf deploy` must hold to apply a plan',
  usage: [`genesys-access deployer ${INPUT}... [--format markdown|json]`],
  flags: [...INPUT_FLAGS, FORMAT, HELP],
  description: [
    'For each resource type the plan creates and data source it reads, the Platform API operations the provider',
    'calls (data/genesyscloud/resource-api-usage.json) with their ANY/ALL permissions, summarised as a minimal',
    'permission set (every ALL-of permission, one pick per ANY-of list: one already needed, else the first',
    'listed); plus every role × division the plan grants to others, which the provider requires the deploying',
    'client to hold already. Calls made only in cases the plan does not need are listed, not counted.',
  ].join('\n'),
  exits: ['0  done', '2  usage or input error'],
  examples: ['genesys-access deployer cdktf.out', 'genesys-access deployer cdktf.out/stacks/qa --format json'],
  async run(args, io) {
    const model = buildDeployer(await inputs(args, 'deployer', io));
    io.stdout(format(args) === 'json' ? renderJson(model) : renderDeployerMarkdown(model));
    return EXIT.ok;
  },
};
