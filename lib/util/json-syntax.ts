/**
 * Where a JSON text first goes wrong, for error messages: a small iterative scanner (no recursion, so deep
 * nesting cannot overflow the stack), used only after JSON.parse has failed. No cdktf import.
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The character offset of the first JSON syntax error in `text`, `text.length` when the text ends too early, or
 * -1 when it is valid JSON.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  /** Open containers: `{` or `[`. */
  const stack: number[] = [];
  const skip = (): void => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const string = (): number => {
    // At the opening quote; returns -1 when fine (i past the closing quote), else the error offset.
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return -1;
      }
      if (c < 0x20) return i;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) return n;
        if (e === 'u') {
          for (let k = 2; k < 6; k++) {
            if (i + k >= n) return n;
            if (!/[0-9a-fA-F]/.test(text[i + k])) return i + k;
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else return i + 1;
        continue;
      }
      i++;
    }
    return n;
  };
  const scalar = (): number => {
    const c = text[i];
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (c === word[0]) {
        for (let k = 0; k < word.length; k++) {
          if (i + k >= n) return n;
          if (text[i + k] !== word[k]) return i + k;
        }
        i += word.length;
        return -1;
      }
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') return i;
    i += m[0].length;
    if (i < n && /[.eE0-9]/.test(text[i])) return i;
    return -1;
  };
  const member = (): number => {
    // At a member's name (white space skipped); returns -1 when fine (i past its colon), else the error offset.
    if (text[i] !== '"') return i;
    const e = string();
    if (e >= 0) return e;
    skip();
    if (i >= n) return n;
    if (text[i] !== ':') return i;
    i++;
    return -1;
  };
  // A value is expected at i.
  let expectValue = true;
  for (;;) {
    skip();
    if (expectValue) {
      if (i >= n) return n;
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c.charCodeAt(0));
        i++;
        skip();
        if (i >= n) return n;
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expectValue = false;
          continue;
        }
        if (c === '{') {
          const e = member();
          if (e >= 0) return e;
        }
        continue;
      }
      const e = scalar();
      if (e >= 0) return e;
      expectValue = false;
      continue;
    }
    // After a value: a separator, a closer, or the end.
    if (stack.length === 0) return i >= n ? -1 : i;
    if (i >= n) return n;
    const top = stack[stack.length - 1];
    const c = text[i];
    if (c === ',') {
      i++;
      if (top === 0x7b) {
        skip();
        if (i >= n) return n;
        const e = member();
        if (e >= 0) return e;
      }
      expectValue = true;
      continue;
    }
    if ((c === '}' && top === 0x7b) || (c === ']' && top === 0x5b)) {
      stack.pop();
      i++;
      continue;
    }
    return i;
  }
}
