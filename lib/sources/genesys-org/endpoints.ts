/**
 * Where a live org is and how to sign in, from the environment variables the Genesys Cloud Terraform provider
 * reads, so a pipeline's existing settings work: GENESYSCLOUD_OAUTHCLIENT_ID / _SECRET or
 * GENESYSCLOUD_ACCESS_TOKEN, GENESYSCLOUD_REGION (an AWS region name, mapped by data/regions.json) and
 * GENESYSCLOUD_GATEWAY_HOST / _PORT / _PROTOCOL (login and API both go to the gateway, no path prefix). The
 * secret and the token are kept out of every message. No format knowledge beyond the environment.
 */
import * as fs from 'fs';
import { AccessValidationError } from '../../errors';
import { dataFile } from '../../util/package-root';

/**
 * How the client signs in: a token given in the environment (used first, as the provider does) and/or a
 * CLIENT-CREDENTIALS client, which also renews an expired token. Never printed.
 */
export interface Credentials {
  readonly accessToken?: string;
  readonly client?: { readonly id: string; readonly secret: string };
}

/** Where the org's login and API are, and how to sign in. */
export interface OrgConnection {
  /** Base URL of the API, e.g. `https://api.mypurecloud.com` (requests go to `<apiBase>/api/v2/...`). */
  readonly apiBase: string;
  /** Base URL of the login service, e.g. `https://login.mypurecloud.com` (`<loginBase>/oauth/token`). */
  readonly loginBase: string;
  /** The API host, for messages and the snapshot (no credentials in it). */
  readonly apiHost: string;
  /** `GENESYSCLOUD_REGION`, when set. */
  readonly region?: string;
  readonly credentials: Credentials;
}

interface RegionData {
  readonly regions: Readonly<Record<string, string>>;
}

let regionMap: Readonly<Record<string, string>> | undefined;

/** The provider's region map: AWS region name -> the org's domain. */
export function regions(): Readonly<Record<string, string>> {
  regionMap ??= (JSON.parse(fs.readFileSync(dataFile('regions.json'), 'utf8')) as RegionData).regions;
  return regionMap;
}

/** The domain of a region (`us-east-1` -> `mypurecloud.com`), or undefined. */
export function regionDomain(region: string): string | undefined {
  const r = regions();
  const key = region.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(r, key) ? r[key] : undefined;
}

function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

const HOST = /^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/;

/**
 * The connection the environment describes. Throws one line naming the variable to set when it is incomplete;
 * the message never contains the secret or the token.
 */
export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): OrgConnection {
  const token = value(env, 'GENESYSCLOUD_ACCESS_TOKEN');
  const id = value(env, 'GENESYSCLOUD_OAUTHCLIENT_ID');
  const secret = env.GENESYSCLOUD_OAUTHCLIENT_SECRET;
  if (id !== undefined && (secret === undefined || secret === '') && token === undefined) {
    throw new AccessValidationError(
      'GENESYSCLOUD_OAUTHCLIENT_ID is set but GENESYSCLOUD_OAUTHCLIENT_SECRET is not: set the client secret too',
    );
  }
  const client = id !== undefined && secret !== undefined && secret !== '' ? { id, secret } : undefined;
  if (!client && token === undefined) {
    throw new AccessValidationError(
      'no credentials: set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (a CLIENT-CREDENTIALS client) or GENESYSCLOUD_ACCESS_TOKEN, as for the Genesys Cloud Terraform provider',
    );
  }
  const credentials: Credentials = {
    ...(token !== undefined ? { accessToken: token } : {}),
    ...(client ? { client } : {}),
  };
  const region = value(env, 'GENESYSCLOUD_REGION');
  const gatewayHost = value(env, 'GENESYSCLOUD_GATEWAY_HOST');
  if (gatewayHost !== undefined) {
    if (!HOST.test(gatewayHost)) {
      throw new AccessValidationError(
        `GENESYSCLOUD_GATEWAY_HOST must be a host name or address (no scheme, port or path), not "${gatewayHost}"`,
      );
    }
    const protocol = (value(env, 'GENESYSCLOUD_GATEWAY_PROTOCOL') ?? 'https').toLowerCase();
    if (protocol !== 'https' && protocol !== 'http') {
      throw new AccessValidationError(`GENESYSCLOUD_GATEWAY_PROTOCOL must be https or http, not "${protocol}"`);
    }
    const port = value(env, 'GENESYSCLOUD_GATEWAY_PORT');
    if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) < 65536)) {
      throw new AccessValidationError(`GENESYSCLOUD_GATEWAY_PORT must be a port number (1-65535), not "${port}"`);
    }
    const base = `${protocol}://${gatewayHost}${port !== undefined ? `:${port}` : ''}`;
    return {
      apiBase: base,
      loginBase: base,
      apiHost: `${gatewayHost}${port !== undefined ? `:${port}` : ''}`,
      ...(region !== undefined ? { region } : {}),
      credentials,
    };
  }
  if (region === undefined) {
    throw new AccessValidationError(
      `GENESYSCLOUD_REGION is not set: set it to the org's AWS region, e.g. us-east-1 (one of ${Object.keys(regions()).join(', ')})`,
    );
  }
  const domain = regionDomain(region);
  if (domain === undefined) {
    throw new AccessValidationError(
      `unknown GENESYSCLOUD_REGION "${region}": use one of ${Object.keys(regions()).join(', ')}`,
    );
  }
  return {
    apiBase: `https://api.${domain}`,
    loginBase: `https://login.${domain}`,
    apiHost: `api.${domain}`,
    region,
    credentials,
  };
}
