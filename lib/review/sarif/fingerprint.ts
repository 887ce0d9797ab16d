/** Stable fingerprints of results, so code scanning follows one finding across runs. No cdktf import. */
import { createHash } from 'crypto';

/** The partialFingerprints key: ours, versioned (a change of what is hashed bumps it). */
export const FINGERPRINT_KEY = 'genesysAccess/v1';

/** A sha-256 over the parts, each ended by a NUL (so `a`+`bc` and `ab`+`c` differ). */
export function fingerprint(parts: readonly string[]): Record<string, string> {
  const h = createHash('sha256');
  for (const p of parts) h.update(`${p}\u0000`);
  return { [FINGERPRINT_KEY]: h.digest('hex') };
}
