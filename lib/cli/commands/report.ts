/** `genesys-access report`: who can do what. */
import { flag } from '../args';
import { renderJson } from '../../review/render-json';
import { renderReportMarkdown } from '../../review/render-report-markdown';
import { buildReport, reportFails } from '../../review/report';
import { renderSarif, reportSarif } from '../../review/sarif';
import { type Command, EXIT, FORMAT_WITH_SARIF, HELP, INPUT, INPUT_FLAGS, inputs } from './shared';

export const report: Command = {
  name: 'report',
  summary: 'who can do what: per principal roles, divisions, permissions, capabilities, operations, findings',
  usage: [`genesys-access report ${INPUT}... [--format markdown|json|sarif]`],
  flags: [...INPUT_FLAGS, FORMAT_WITH_SARIF, HELP],
  description: [
    'For every OAuth client, user and group in the synthesized plan: its grant type, roles, divisions (names where',
    'known; home, implicit home and all divisions called out, with the recorded reason), permissions, the',
    'capabilities they add up to, how many API operations they unlock, scopes for user-context clients, the rule',
    'findings (RULES.md) and the suppressions with their reasons; and every role the input defines or its',
    'principals hold, held or not (origin, holders, permissions, findings). A cdktf.out directory is reported per',
    'stack.',
    '',
    '--format sarif writes the findings as SARIF 2.1.0 (e.g. for github/codeql-action/upload-sarif): one result',
    'per finding with its rule (GCA-...), level, file (relative to its checkout), line and JSON pointer',
    'where the input knows them, Terraform address and construct path; suppressed findings carry their reason.',
  ].join('\n'),
  exits: ['0  no unsuppressed error findings', '1  unsuppressed error findings', '2  usage or input error'],
  examples: [
    'genesys-access report cdktf.out',
    'genesys-access report cdktf.out/stacks/qa/cdk.tf.json --format json',
    'genesys-access report cdktf.out --format sarif > genesys-access.sarif',
  ],
  async run(args, io) {
    const stacks = await inputs(args, 'report', io);
    const model = buildReport(stacks);
    const f = flag(args, 'format') ?? 'markdown';
    if (f === 'sarif') {
      const stackFiles = new Map(stacks.map((s) => [s.name, s.file]));
      io.stdout(renderSarif(reportSarif(model, { cwd: io.cwd, stackFiles })));
    } else io.stdout(f === 'json' ? renderJson(model) : renderReportMarkdown(model));
    return reportFails(model) ? EXIT.findings : EXIT.ok;
  },
};
