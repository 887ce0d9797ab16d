/** One SARIF log of one run of `genesys-access`, and its text. No cdktf import. */
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
 * Characters JSON.stringify leaves raw that must not reach a terminal or a pull request raw: DEL and C1, bidi
 * overrides and isolates, zero-width and other invisible format characters, the line and paragraph separators.
 * They occur only inside strings, where `\uXXXX` is the same value.
 */
const INVISIBLE =
  /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * The log as a file: indented JSON (key order as built, so the same input gives the same bytes) with invisible
 * characters escaped, and a final new line.
 */
export function renderSarif(log: SarifLog): string {
  const text = JSON.stringify(log, null, 2).replace(
    INVISIBLE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}
