/** What every reader returns: one stack's access graph, with its name and file. No cdktf import. */
import type { AccessGraph } from '../access/graph';

/** One input read into an access graph. */
export interface LoadedStack {
  /** cdktf's stack name (`"//".metadata.stackName`), else the directory or file name. */
  readonly name: string;
  /** The file, relative to the input the user gave (for messages only). */
  readonly file: string;
  readonly graph: AccessGraph;
}
