/** One SARIF log of one run of `genesys-access`, and its text. No cdktf import. */
import { escapeInvisibleJson } from '../../util/invisible';
import { SARIF_SCHEMA, type SarifLog, type SarifResult, type SarifRule, SRCROOT } from './log';
import { TOOL_NAME, toolInfo } from './tool';

/** The log of one run: this tool (name, version, repository) with `rules`, and `results`. */
export function sarifLog(rules: readonly SarifRule[], results: readonly SarifResult[]): SarifLog {
  const tool = toolInfo();
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules,
          },
        },
        originalUriBaseIds: {
          [SRCROOT]: {
            description: {
              text: "The file's repository root (its nearest ancestor holding .git), else the working directory.",
            },
          },
        },
        results,
      },
    ],
  };
}

/**
 * The log as a file: indented JSON (key order as built, so the same input gives the same bytes) with invisible
 * characters escaped, and a final new line.
 */
export function renderSarif(log: SarifLog): string {
  return `${escapeInvisibleJson(JSON.stringify(log, null, 2))}\n`;
}
