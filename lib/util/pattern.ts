/**
 * Suppression `appliesTo` patterns: an exact finding id, or `/regex/flags` in a safe subset of JavaScript regular
 * expressions matched by a Thompson NFA (no backtracking), so a pattern from a pull request runs in time linear in
 * the finding's length whatever it is: `/(a+)+$/` is fine. The subset: literals and escapes, `.`, classes
 * (`[a-z]`, `[^:]`, `\d \w \s` and their negations), groups (`(...)`, `(?:...)`, `(?<name>...)`), `|`, `* + ?`
 * (and their lazy forms) and `{n}`, `{n,}`, `{n,m}` up to 100, anchors `^ $`; flags `i` (and `m s u`, which do not
 * change a one-line finding id). Backreferences, lookarounds and `\b` are refused with the fix. Errors are one
 * line. No cdktf import.
 */
import { AccessValidationError } from '../errors';
import { cutValue } from '../cut';

/** Longest `appliesTo` entry accepted. */
export const MAX_PATTERN = 200;
/** Most NFA states one pattern may compile to (counted repeats multiply). */
const MAX_STATES = 5000;
/** Largest `{n,m}` bound. */
const MAX_REPEAT = 100;
/** How much of a finding is matched (finding ids are short; this keeps the cost bounded anyway). */
const MAX_SUBJECT = 1000;

type CharTest = (c: string) => boolean;

type Ast =
  | { readonly k: 'char'; readonly test: CharTest }
  | { readonly k: 'cat'; readonly items: readonly Ast[] }
  | { readonly k: 'alt'; readonly items: readonly Ast[] }
  | { readonly k: 'rep'; readonly node: Ast; readonly min: number; readonly max: number }
  | { readonly k: 'bol' }
  | { readonly k: 'eol' };

class PatternError extends Error {}

/** A counted repeat at the start of a string: `{2}`, `{2,}`, `{2,5}`. */
const COUNT = /^\{(\d+)(,(\d*))?\}/;

const DIGIT: CharTest = (c) => c >= '0' && c <= '9';
const WORD: CharTest = (c) => /[A-Za-z0-9_]/.test(c);
const SPACE: CharTest = (c) => /\s/.test(c);

function not(t: CharTest): CharTest {
  return (c) => !t(c);
}

class Parser {
  private i = 0;

  constructor(
    private readonly src: string,
    private readonly fold: boolean,
  ) {}

  parse(): Ast {
    const ast = this.alt();
    if (this.i < this.src.length) throw new PatternError(`has an unmatched ")" at character ${this.i + 1}`);
    return ast;
  }

  private alt(): Ast {
    const items = [this.cat()];
    while (this.src[this.i] === '|') {
      this.i++;
      items.push(this.cat());
    }
    return items.length === 1 ? items[0] : { k: 'alt', items };
  }

  private cat(): Ast {
    const items: Ast[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      items.push(this.quantified());
    }
    return { k: 'cat', items };
  }

  private quantified(): Ast {
    const atom = this.atom();
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{' && COUNT.test(this.src.slice(this.i))) {
      const m = COUNT.exec(this.src.slice(this.i))!;
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) {
        throw new PatternError(`repeats more than ${MAX_REPEAT} times`);
      }
      if (max < min) throw new PatternError(`has a repeat {${min},${max}} whose numbers are out of order`);
    } else {
      return atom;
    }
    if (atom.k === 'bol' || atom.k === 'eol') throw new PatternError('repeats an anchor (^ or $)');
    if (this.src[this.i] === '?') this.i++; // lazy: the same answer for a yes/no match
    const after = this.src[this.i];
    if (after === '*' || after === '+' || after === '?' || (after === '{' && COUNT.test(this.src.slice(this.i)))) {
      throw new PatternError(`has a repeat of a repeat at character ${this.i + 1}`);
    }
    return { k: 'rep', node: atom, min, max };
  }

  private atom(): Ast {
    const c = this.src[this.i];
    if (c === '(') {
      this.i++;
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (/^\?<[A-Za-z_$][\w$]*>/.test(this.src.slice(this.i))) this.i = this.src.indexOf('>', this.i) + 1;
      else if (this.src[this.i] === '?') {
        throw new PatternError('uses a lookaround ((?=, (?!, (?<=, (?<!), which is not supported');
      }
      const inner = this.alt();
      if (this.src[this.i] !== ')') throw new PatternError('has an unclosed "("');
      this.i++;
      return inner;
    }
    if (c === '*' || c === '+' || c === '?') throw new PatternError(`has nothing to repeat at character ${this.i + 1}`);
    if (c === '{' && COUNT.test(this.src.slice(this.i))) {
      throw new PatternError(`has nothing to repeat at character ${this.i + 1}`);
    }
    this.i++;
    if (c === '^') return { k: 'bol' };
    if (c === '$') return { k: 'eol' };
    if (c === '.') return { k: 'char', test: () => true };
    if (c === '[') return { k: 'char', test: this.charClass() };
    if (c === '\\') return { k: 'char', test: this.escape(false) };
    return { k: 'char', test: this.literal(c) };
  }

  private literal(c: string): CharTest {
    if (!this.fold) return (x) => x === c;
    const l = c.toLowerCase();
    return (x) => x.toLowerCase() === l;
  }

  private escape(inClass: boolean): CharTest {
    const e = this.src[this.i++];
    if (e === undefined) throw new PatternError('ends with a lone "\\"');
    switch (e) {
      case 'd':
        return DIGIT;
      case 'D':
        return not(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return not(WORD);
      case 's':
        return SPACE;
      case 'S':
        return not(SPACE);
      case 't':
        return this.literal('\t');
      case 'n':
        return this.literal('\n');
      case 'b':
      case 'B':
        if (inClass && e === 'b') return this.literal('\b');
        throw new PatternError('uses \\b or \\B, which is not supported');
    }
    if (/[1-9k]/.test(e)) throw new PatternError('uses a backreference, which is not supported');
    if (/[A-Za-z0-9]/.test(e)) throw new PatternError(`uses the escape "\\${e}", which is not supported`);
    return this.literal(e);
  }

  /** After `[`: the class up to `]`. */
  private charClass(): CharTest {
    const negate = this.src[this.i] === '^';
    if (negate) this.i++;
    const tests: CharTest[] = [];
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined) throw new PatternError('has an unclosed "["');
      this.i++;
      if (c === ']') break;
      let lo: string | undefined;
      if (c === '\\') {
        const save = this.i;
        const t = this.escape(true);
        const e = this.src[save];
        if (/[dDwWsS]/.test(e)) {
          tests.push(t);
          continue;
        }
        lo = e === 't' ? '\t' : e === 'n' ? '\n' : e === 'b' ? '\b' : e;
      } else {
        lo = c;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== undefined && this.src[this.i + 1] !== ']') {
        this.i++;
        let hi = this.src[this.i++];
        if (hi === '\\') {
          hi = this.src[this.i++];
          if (hi === undefined || /[dDwWsS]/.test(hi)) throw new PatternError('has a class range with a class in it');
        }
        if (hi < lo) throw new PatternError(`has a class range ${lo}-${hi} out of order`);
        const [a, b] = [lo, hi];
        tests.push(this.fold ? (x) => inRange(x, a, b) || inRange(swapCase(x), a, b) : (x) => inRange(x, a, b));
      } else {
        tests.push(this.literal(lo));
      }
    }
    const any: CharTest = (x) => tests.some((t) => t(x));
    return negate ? not(any) : any;
  }
}

function inRange(x: string, a: string, b: string): boolean {
  return x >= a && x <= b;
}

function swapCase(x: string): string {
  const l = x.toLowerCase();
  return l === x ? x.toUpperCase() : l;
}

/** An NFA state: a character step, a split (two epsilon edges), an anchor, or the match. */
type State =
  | { k: 'char'; test: CharTest; out: number }
  | { k: 'split'; out: number; out2: number }
  | { k: 'bol' | 'eol' | 'eps'; out: number }
  | { k: 'match' };

/** Builds the NFA; every fragment has one start and a list of dangling exits to patch. */
class Builder {
  readonly states: State[] = [];

  private add(s: State): number {
    if (this.states.length >= MAX_STATES) throw new PatternError('is too complex (its repeats expand too far)');
    this.states.push(s);
    return this.states.length - 1;
  }

  private patch(exits: readonly number[], to: number): void {
    for (const e of exits) {
      const s = this.states[e];
      if (s.k === 'split') {
        if (s.out2 === -1) s.out2 = to;
        else s.out = to;
      } else if (s.k !== 'match') s.out = to;
    }
  }

  /** Compiles `ast`; returns its start and its dangling exits. */
  build(ast: Ast): { start: number; exits: number[] } {
    switch (ast.k) {
      case 'char': {
        const s = this.add({ k: 'char', test: ast.test, out: -1 });
        return { start: s, exits: [s] };
      }
      case 'bol':
      case 'eol': {
        const s = this.add({ k: ast.k, out: -1 });
        return { start: s, exits: [s] };
      }
      case 'cat': {
        if (ast.items.length === 0) {
          const s = this.add({ k: 'eps', out: -1 });
          return { start: s, exits: [s] };
        }
        let first: { start: number; exits: number[] } | undefined;
        let exits: number[] = [];
        for (const item of ast.items) {
          const f = this.build(item);
          if (!first) first = f;
          else this.patch(exits, f.start);
          exits = f.exits;
        }
        return { start: first!.start, exits };
      }
      case 'alt': {
        const fs = ast.items.map((x) => this.build(x));
        let start = fs[fs.length - 1].start;
        for (let k = fs.length - 2; k >= 0; k--) start = this.add({ k: 'split', out: fs[k].start, out2: start });
        return { start, exits: fs.flatMap((f) => f.exits) };
      }
      case 'rep':
        return this.repeat(ast.node, ast.min, ast.max);
    }
  }

  private repeat(node: Ast, min: number, max: number): { start: number; exits: number[] } {
    const parts: Array<{ start: number; exits: number[] }> = [];
    for (let n = 0; n < min; n++) parts.push(this.build(node));
    if (max === Infinity) {
      // A loop: split -> node -> back to the split; the split's second edge leaves.
      const f = this.build(node);
      const split = this.add({ k: 'split', out: f.start, out2: -1 });
      this.patch(f.exits, split);
      parts.push({ start: split, exits: [split] });
    } else {
      for (let n = min; n < max; n++) {
        const f = this.build(node);
        const split = this.add({ k: 'split', out: f.start, out2: -1 });
        parts.push({ start: split, exits: [split, ...f.exits] });
      }
    }
    if (parts.length === 0) {
      const s = this.add({ k: 'eps', out: -1 });
      return { start: s, exits: [s] };
    }
    for (let k = 1; k < parts.length; k++) this.patch(parts[k - 1].exits, parts[k].start);
    return { start: parts[0].start, exits: parts[parts.length - 1].exits };
  }
}

/** A compiled pattern: true when it finds a match anywhere in the subject (as `RegExp.test`). */
export type FindingMatcher = (finding: string) => boolean;

function compileRegex(body: string, flags: string): FindingMatcher {
  const ast = new Parser(body, flags.includes('i')).parse();
  const b = new Builder();
  const f = b.build(ast);
  const match = b.states.length;
  b.states.push({ k: 'match' });
  for (const e of f.exits) {
    const s = b.states[e];
    if (s.k === 'split') {
      if (s.out2 === -1) s.out2 = match;
      else s.out = match;
    } else if (s.k !== 'match') s.out = match;
  }
  const states = b.states;
  const start = f.start;
  return (subject) => {
    const text = subject.length > MAX_SUBJECT ? subject.slice(0, MAX_SUBJECT) : subject;
    const n = text.length;
    const mark = new Int32Array(states.length).fill(-1);
    let cur: number[] = [];
    let gen = 0;
    const add = (list: number[], s: number, pos: number): boolean => {
      // Iterative epsilon closure; true when the match state is reached.
      const stack = [s];
      let found = false;
      while (stack.length) {
        const x = stack.pop()!;
        if (x < 0 || mark[x] === gen) continue;
        mark[x] = gen;
        const st = states[x];
        if (st.k === 'match') found = true;
        else if (st.k === 'split') stack.push(st.out2, st.out);
        else if (st.k === 'eps') stack.push(st.out);
        else if (st.k === 'bol') {
          if (pos === 0) stack.push(st.out);
        } else if (st.k === 'eol') {
          if (pos === n) stack.push(st.out);
        } else list.push(x);
      }
      return found;
    };
    for (let pos = 0; ; pos++) {
      // Search: a match may start at every position.
      if (add(cur, start, pos)) return true;
      if (pos === n) return false;
      const c = text[pos];
      const next: number[] = [];
      gen++;
      for (const x of cur) {
        const st = states[x] as { k: 'char'; test: CharTest; out: number };
        if (st.test(c) && add(next, st.out, pos + 1)) return true;
      }
      cur = next;
    }
  };
}

/**
 * Compiles an `appliesTo` entry: `/regex/flags` (the safe subset above) or an exact finding id. Throws one line
 * for an entry that is not a string, is longer than {@link MAX_PATTERN} characters, or is not a valid pattern,
 * naming the fix.
 */
export function compileAppliesTo(a: unknown): FindingMatcher {
  if (typeof a !== 'string') {
    throw new AccessValidationError(
      `appliesTo entries must be strings (exact finding ids or /regex/), not ${a === null ? 'null' : Array.isArray(a) ? 'a list' : typeof a}`,
    );
  }
  const shown = JSON.stringify(cutValue(a, 60));
  if (a.length > MAX_PATTERN) {
    throw new AccessValidationError(
      `appliesTo entry ${shown} is longer than ${MAX_PATTERN} characters (${a.length}): list the exact finding ids instead`,
    );
  }
  const m = /^\/(.*)\/([a-z]*)$/s.exec(a);
  if (!m) return (f) => f === a;
  const bad = [...m[2]].find((f) => !'imsu'.includes(f));
  if (bad !== undefined || new Set(m[2]).size !== m[2].length) {
    throw new AccessValidationError(
      `appliesTo pattern ${shown} has the flag "${bad ?? m[2]}": only i (ignore case) is meaningful here; remove the others`,
    );
  }
  try {
    return compileRegex(m[1], m[2]);
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    throw new AccessValidationError(
      `appliesTo pattern ${shown} ${e.message}: fix it (a /regex/ of literals, classes, groups, | and repeats) or list the exact finding ids`,
    );
  }
}
