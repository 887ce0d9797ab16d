/** Every command of `genesys-access`, in help order. */
import { deployer } from './deployer';
import { diff } from './diff';
import { explain } from './explain';
import { report } from './report';
import type { Command } from './shared';

export { type Command, EXIT, type Io } from './shared';

/** Every command, in help order. */
export const COMMANDS: readonly Command[] = [report, diff, explain, deployer];
