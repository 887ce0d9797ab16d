/** `genesys-access report`: who can do what. */
import { renderJson } from '../../review/render-json';
import { renderReportMarkdown } from '../../review/render-report-markdown';
import { buildReport, reportFails } from '../../review/report';
import { type Command, EXIT, FORMAT, format, HELP, INPUT, INPUT_FLAGS, inputs } from './shared';

export const report: Command = {
  name: 'report',
  summary: 'who can do what: per principal roles, divisions, permissions, capabilities, operations, findings',
  usage: [`genesys-access report ${INPUT}... [--format markdown|json]`],
  flags: [...INPUT_FLAGS, FORMAT, HELP],
  description: [
    'For every OAuth client, user and group in the synthesized plan: its grant type, roles, divisions (names where',
    'known; home, implicit home and all divisions called out, with the recorded reason), permissions, the',
    'capabilities they add up to, how many API operations they unlock, scopes for user-context clients, the rule',
    'findings (RULES.md) and the suppressions with their reasons; and every role the input defines or its',
    'principals hold, held or not (origin, holders, permissions, findings). A cdktf.out directory is reported per',
    'stack.',
  ].join('\n'),
  exits: ['0  no unsuppressed error findings', '1  unsuppressed error findings', '2  usage or input error'],
  examples: ['genesys-access report cdktf.out', 'genesys-access report cdktf.out/stacks/qa/cdk.tf.json --format json'],
  async run(args, io) {
    const model = buildReport(await inputs(args, 'report', io));
    io.stdout(format(args) === 'json' ? renderJson(model) : renderReportMarkdown(model));
    return reportFails(model) ? EXIT.findings : EXIT.ok;
  },
};
