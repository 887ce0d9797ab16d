/**
 * A small reader of the Markdown the renderers write, as GitHub (cmark-gfm) reads it, for tests: table rows split
 * into cells at unescaped pipes, code spans, and decoding of the escapes `text()` writes.
 */

/** The cells of a table row: split at pipes not escaped by a backslash (as cmark-gfm splits them). */
export function cells(row: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === '\\' && i + 1 < row.length) {
      cur += c + row[i + 1];
      i++;
    } else if (c === '|') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  // A row written `| a | b |` has an empty piece before the first and after the last pipe.
  if (out.length && out[0].trim() === '') out.shift();
  if (out.length && out[out.length - 1].trim() === '') out.pop();
  return out;
}

/** Every table: its header's cell count and each row's, with the row for messages. */
export function tables(md: string): Array<{ header: number; rows: Array<{ count: number; row: string }> }> {
  const lines = md.split('\n');
  const out: Array<{ header: number; rows: Array<{ count: number; row: string }> }> = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith('|') || !/^\|(?:\s*:?-{3,}:?\s*\|)+\s*$/.test(lines[i + 1])) continue;
    const header = cells(lines[i]).length;
    const rows: Array<{ count: number; row: string }> = [{ count: cells(lines[i + 1]).length, row: lines[i + 1] }];
    let j = i + 2;
    for (; j < lines.length && lines[j].startsWith('|'); j++)
      rows.push({ count: cells(lines[j]).length, row: lines[j] });
    out.push({ header, rows });
    i = j - 1;
  }
  return out;
}

/** The Markdown outside code spans (code spans removed; backslash escapes kept). */
export function outsideCode(md: string): string {
  let out = '';
  for (let i = 0; i < md.length;) {
    const c = md[i];
    if (c === '\\' && i + 1 < md.length) {
      out += md.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== '`') {
      out += c;
      i++;
      continue;
    }
    let n = 0;
    while (md[i + n] === '`') n++;
    const fence = '`'.repeat(n);
    // The closing run has exactly n backticks.
    let close = -1;
    for (let k = md.indexOf(fence, i + n); k !== -1; k = md.indexOf(fence, k + 1)) {
      if (md[k - 1] !== '`' && md[k + n] !== '`') {
        close = k;
        break;
      }
    }
    if (close === -1) {
      out += fence;
      i += n;
    } else {
      out += ' ';
      i = close + n;
    }
  }
  return out;
}

/** Text as a reader sees it: backslash escapes and the entities `text()` writes decoded. */
export function decode(md: string): string {
  return md
    .replace(/\\([\\|*`[\]!~:.])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The HTML tags the renderers write themselves. */
const OWN_TAGS = /^<(?:br|\/?details|\/?summary)>/;

/** What in `md` (outside code spans) could be read as HTML or a link that the renderers did not write. */
export function injected(md: string): string[] {
  const plain = outsideCode(md);
  const found: string[] = [];
  for (let i = plain.indexOf('<'); i !== -1; i = plain.indexOf('<', i + 1)) {
    if (!OWN_TAGS.test(plain.slice(i))) found.push(plain.slice(i, i + 20));
  }
  for (const m of plain.matchAll(/(?:https?|ftp):\/\/|\bwww\./gi)) found.push(plain.slice(m.index, m.index + 20));
  for (let i = plain.indexOf(']('); i !== -1; i = plain.indexOf('](', i + 1)) {
    if (plain[i - 1] !== '\\') found.push(plain.slice(Math.max(0, i - 10), i + 10));
  }
  return found;
}
