/**
 * Every command of `genesys-access`, in help order. Each command's module (and what it imports) is loaded only
 * when that command runs or its help is shown: `report` does not pay for the live client, the plan reader's
 * helpers or `audit`, so the cold start stays where it was.
 */
import type { Command } from './shared';

export { type Command, EXIT, type Io } from './shared';

/** A command known by name, its module required on first use of anything else. */
function lazy(name: string, load: () => Command): Command {
  let loaded: Command | undefined;
  const get = (): Command => (loaded ??= load());
  return {
    name,
    get summary() {
      return get().summary;
    },
    get usage() {
      return get().usage;
    },
    get flags() {
      return get().flags;
    },
    get description() {
      return get().description;
    },
    get exits() {
      return get().exits;
    },
    get examples() {
      return get().examples;
    },
    run: (args, io) => get().run(args, io),
  };
}

/* eslint-disable @typescript-eslint/no-require-imports */
/** Every command, in help order. */
export const COMMANDS: readonly Command[] = [
  lazy('report', () => (require('./report') as typeof import('./report')).report),
  lazy('diff', () => (require('./diff') as typeof import('./diff')).diff),
  lazy('explain', () => (require('./explain') as typeof import('./explain')).explain),
  lazy('deployer', () => (require('./deployer') as typeof import('./deployer')).deployer),
  lazy('snapshot', () => (require('./snapshot') as typeof import('./snapshot')).snapshot),
  lazy('audit', () => (require('./audit') as typeof import('./audit')).audit),
  lazy('generate', () => (require('./generate') as typeof import('./generate')).generate),
];
/* eslint-enable @typescript-eslint/no-require-imports */
