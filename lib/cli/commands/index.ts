/** Every command of `genesys-access`, in help order. */
import { audit } from './audit';
import { deployer } from './deployer';
import { diff } from './diff';
import { explain } from './explain';
import { generate } from './generate';
import { report } from './report';
import type { Command } from './shared';
import { snapshot } from './snapshot';

export { type Command, EXIT, type Io } from './shared';

/** Every command, in help order. */
export const COMMANDS: readonly Command[] = [report, diff, explain, deployer, snapshot, audit, generate];
