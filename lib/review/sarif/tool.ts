/** The SARIF driver's name, version and home page, from this package's package.json. No cdktf import. */
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../../util/package-root';

/** The CLI's name, as SARIF consumers show it. */
export const TOOL_NAME = 'genesys-access';

/** What the driver says about the tool. */
export interface ToolInfo {
  readonly version: string;
  /** @default - none: package.json names no repository */
  readonly informationUri?: string;
}

let info: ToolInfo | undefined;

/** The repository URL of a package.json `repository` field, as a browsable https URL. */
export function repositoryUrl(repository: unknown): string | undefined {
  const raw =
    typeof repository === 'string'
      ? repository
      : typeof repository === 'object' && repository !== null
        ? (repository as { url?: unknown }).url
        : undefined;
  if (typeof raw !== 'string') return undefined;
  const url = raw.replace(/^git\+/, '').replace(/\.git$/, '');
  const gh = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (gh) return `https://github.com/${gh[1]}`;
  return /^https?:\/\//.test(url) ? url : undefined;
}

/** This package's version and repository. */
export function toolInfo(): ToolInfo {
  if (info) return info;
  const pj = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
    repository?: unknown;
  };
  const informationUri = repositoryUrl(pj.repository);
  info = { version: pj.version, ...(informationUri ? { informationUri } : {}) };
  return info;
}
