/**
 * SARIF locations of findings and changes: the file (relative to the repository root) and the line, computed from
 * the JSON pointer for JSON inputs, plus the Terraform address and construct path as logical locations. Each file
 * is read once, for all the pointers into it. No cdktf import.
 */
import * as path from 'path';
import { artifactLocation } from './artifact';
import { jsonPointerLines } from './json-pointer-line';
import type { SarifArtifactLocation, SarifLocation, SarifLogicalLocation } from './log';
import { readInputText } from '../../util/read-input';

/** Where one finding or change is, as far as the input knows. */
export interface Site {
  /**
   * The input file, as the user named it (relative to the working directory).
   * @default - none: only logical locations
   */
  readonly file?: string;
  /**
   * A JSON pointer into `file`.
   * @default - none
   */
  readonly pointer?: string;
  /**
   * The 1-based line in `file`.
   * @default - the line `pointer` points at, when the file can be read
   */
  readonly line?: number;
  /** The Terraform address. */
  readonly address: string;
  /**
   * The cdktf construct path.
   * @default - none
   */
  readonly constructPath?: string;
}

/** Where files are and how they are read. */
export interface LocationOptions {
  /**
   * The directory the input files are named relative to.
   * @default process.cwd()
   */
  readonly cwd?: string;
  /**
   * The directory uris are relative to (`%SRCROOT%`).
   * @default - each file's repository root (its nearest ancestor holding `.git`), else `cwd`
   */
  readonly root?: string;
  /**
   * Reads a file's text (to find the line of a JSON pointer); undefined when it cannot.
   * @default - the safe input reader (lib/util/read-input.ts), undefined on any error
   */
  readonly readText?: (absolutePath: string) => string | undefined;
}

function readFile(abs: string): string | undefined {
  try {
    return readInputText(abs, abs);
  } catch {
    return undefined;
  }
}

/** Builds the locations of a known set of sites. */
export class Locator {
  private readonly cwd: string;
  private readonly root: string | undefined;
  /** Lines of the pointers, by absolute file. */
  private readonly lines = new Map<string, Map<string, number>>();
  /** Artifact locations, by file as named (each finding of a file shares one; the root is looked up once). */
  private readonly artifacts = new Map<string, SarifArtifactLocation>();

  constructor(sites: readonly Site[], options: LocationOptions = {}) {
    this.cwd = options.cwd ?? process.cwd();
    this.root = options.root;
    const read = options.readText ?? readFile;
    const wanted = new Map<string, Set<string>>();
    for (const s of sites) {
      if (s.file === undefined || s.pointer === undefined || s.line !== undefined) continue;
      const abs = path.resolve(this.cwd, s.file);
      let set = wanted.get(abs);
      if (!set) wanted.set(abs, (set = new Set()));
      set.add(s.pointer);
    }
    for (const [abs, pointers] of wanted) {
      const text = read(abs);
      if (text !== undefined) this.lines.set(abs, jsonPointerLines(text, pointers));
    }
  }

  /** The 1-based line of a site, where known. */
  public lineOf(site: Site): number | undefined {
    if (site.line !== undefined) return site.line;
    if (site.file === undefined || site.pointer === undefined) return undefined;
    return this.lines.get(path.resolve(this.cwd, site.file))?.get(site.pointer);
  }

  private artifact(file: string): SarifArtifactLocation {
    let a = this.artifacts.get(file);
    if (!a) this.artifacts.set(file, (a = artifactLocation(file, this.cwd, this.root)));
    return a;
  }

  /** The SARIF location of a site. */
  public location(site: Site): SarifLocation {
    const logical: SarifLogicalLocation[] = [{ fullyQualifiedName: site.address, kind: 'resource' }];
    if (site.constructPath) logical.push({ fullyQualifiedName: site.constructPath, kind: 'module' });
    if (site.file === undefined) return { logicalLocations: logical };
    const line = this.lineOf(site);
    return {
      physicalLocation: {
        artifactLocation: this.artifact(site.file),
        ...(line !== undefined && line >= 1 ? { region: { startLine: line } } : {}),
      },
      logicalLocations: logical,
    };
  }
}
