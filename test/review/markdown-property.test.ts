/**
 * Property-based tests of the one escaping layer (issue 16, item 3): names generated from arbitrary Unicode and
 * the characters Markdown, HTML and terminals give meaning to (pipes, new lines, backticks, HTML, links, control,
 * ESC and bidi characters) go into principal, role and division names of a small cdk.tf.json; the report and
 * diff Markdown must keep every table row at its header's cell count, let no raw control or bidi character and
 * no raw HTML or link from the input through, and show every name (visibly) as it is.
 */
import fc from 'fast-check';
import type { LoadedStack } from '../../lib/sources';
import { readCdktf } from '../../lib/sources/cdktf/read';
import { buildDiff } from '../../lib/review/diff';
import { fence } from '../../lib/doctor/render-audit';
import { code, invisible, text, visible } from '../../lib/review/markdown';
import { buildReport } from '../../lib/review/report';
import { renderDiffMarkdown } from '../../lib/review/render-diff-markdown';
import { renderJson } from '../../lib/review/render-json';
import { renderReportMarkdown } from '../../lib/review/render-report-markdown';
import { cells, decode, injected, outsideCode, tables } from './markdown-parse';

/** What must never be written raw: controls (but tab and new line), C1, bidi, zero-width and other invisibles. */
const RAW =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

const SPECIAL = [
  'https://evil.example',
  'www.evil.example',
  '|',
  '\\|',
  '\\',
  '\n',
  '\r\n',
  '\t',
  '`',
  '``',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">x</a>',
  '![](https://evil.example/p.png)',
  '[click](https://evil.example)',
  '<https://evil.example>',
  '</details>',
  '<br>',
  '&lt;',
  '&amp;',
  '*',
  '_',
  '~~',
  '#',
  '- ',
  '\u202e',
  '\u202a',
  '\u2066',
  '\u2069',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u001b]8;;https://evil.example\u0007',
  '\u0085',
  '\u2028',
  '\u00ad',
  'Chicago',
  'QA',
  ' ',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const name = fc
  .array(piece, { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''))
  .filter((s) => s.trim().length > 0 && !s.includes('${') && s.trim().toLowerCase() !== 'home');

const names = fc.record({
  clients: fc.uniqueArray(name, { minLength: 1, maxLength: 3 }),
  role: name,
  divisions: fc.uniqueArray(name, { minLength: 3, maxLength: 3 }),
});

/** A stack: each client holds the role in its own division (so no two fold into one row). */
function stackOf(n: { clients: string[]; role: string; divisions: string[] }, extraGrant = false): object {
  const data: Record<string, unknown> = {};
  const clients: Record<string, unknown> = {};
  n.divisions.forEach((d, i) => (data[`d${i}`] = { name: d }));
  n.clients.forEach((c, i) => {
    clients[`c${i}`] = {
      name: c,
      authorized_grant_type: 'CLIENT-CREDENTIALS',
      roles: [
        { role_id: '${genesyscloud_auth_role.r.id}', division_id: `\${data.genesyscloud_auth_division.d${i}.id}` },
        ...(extraGrant ? [{ role_id: '${genesyscloud_auth_role.r.id}', division_id: '*' }] : []),
      ],
    };
  });
  return {
    '//': { metadata: { stackName: 'prop' } },
    data: { genesyscloud_auth_division: data },
    resource: {
      genesyscloud_auth_role: {
        r: {
          name: n.role,
          permission_policies: [{ domain: 'recording', entity_name: 'screenRecording', action_set: ['view'] }],
        },
      },
      genesyscloud_oauth_client: clients,
    },
  };
}

const loaded = (doc: object): LoadedStack[] => [
  { name: 'prop', file: 'cdk.tf.json', graph: readCdktf(doc, { file: 'cdk.tf.json' }) },
];

/** Every check the escaping layer promises, on one rendered Markdown. */
function checkMarkdown(md: string, shown: readonly string[]): void {
  for (const t of tables(md)) {
    for (const r of t.rows) {
      if (r.count !== t.header) throw new Error(`a row has ${r.count} cells, its header ${t.header}: ${r.row}`);
    }
  }
  const raw = RAW.exec(md);
  if (raw) throw new Error(`raw U+${raw[0].charCodeAt(0).toString(16)} in the output`);
  const html = injected(md);
  if (html.length) throw new Error(`raw HTML or link from the input: ${JSON.stringify(html)}`);
  const seen = decode(outsideCode(md));
  for (const s of shown) {
    if (!seen.includes(visible(s))) throw new Error(`name ${JSON.stringify(s)} is not shown as ${visible(s)}`);
  }
}

const RUNS = { numRuns: 100, seed: 16 } as const;

describe('Markdown escaping, property-based', () => {
  test('the reader of rows, code spans and escapes reads what GitHub reads', () => {
    expect(cells('| a \\| b | `c\\|d` | e |')).toEqual([' a \\| b ', ' `c\\|d` ', ' e ']);
    expect(cells('| a\\\\| b |')).toHaveLength(2);
    expect(outsideCode('x `a<b` y `` c`d `` z')).toBe('x   y   z');
    expect(decode(text('a | <b> & \\'))).toBe('a | <b> & \\');
    expect(injected(`${text('<img src=x>')} <br> ${code('<a href=x>')}`)).toEqual([]);
    expect(injected('<img src=x> [x](https://e.x)')).toHaveLength(3);
    expect(injected(text('see https://e.x and www.e.x'))).toEqual([]);
  });

  test('code blocks keep their lines and fence, and show hidden characters', () => {
    fc.assert(
      fc.property(name, (s) => {
        const block = fence('ts', `const name = ${JSON.stringify(s)};\n`);
        const lines = block.split('\n');
        const f = lines[0].replace(/ts$/, '');
        if (lines[lines.length - 1] !== f) throw new Error(`the fence does not close the block: ${block}`);
        if (lines.slice(1, -1).some((l) => l.startsWith(f))) throw new Error(`a line closes the fence: ${block}`);
        if (RAW.test(block)) throw new Error(`raw character in ${JSON.stringify(block)}`);
        expect(invisible(s).replace(/\\u([0-9A-F]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))).toBe(
          s,
        );
      }),
      RUNS,
    );
  });

  test('text() and code() keep one cell and show every character', () => {
    fc.assert(
      fc.property(name, (s) => {
        for (const cell of [text(s), code(s)]) {
          const row = `| ${cell} | x |`;
          if (cells(row).length !== 2) throw new Error(`${JSON.stringify(s)} splits the row: ${row}`);
          if (RAW.test(cell)) throw new Error(`${JSON.stringify(s)} reaches the cell raw`);
        }
        expect(decode(text(s))).toBe(visible(s));
        expect(injected(text(s))).toEqual([]);
        expect(injected(code(s))).toEqual([]);
      }),
      { ...RUNS, numRuns: 300 },
    );
  });

  test('report Markdown: rows keep their cells, nothing raw, every name shown', () => {
    fc.assert(
      fc.property(names, (n) => {
        const md = renderReportMarkdown(buildReport(loaded(stackOf(n))));
        checkMarkdown(md, [...n.clients, n.role, ...n.divisions.slice(0, n.clients.length)]);
        const json = renderJson(buildReport(loaded(stackOf(n))));
        if (RAW.test(json)) throw new Error('raw character in the JSON');
        expect(
          JSON.parse(json)
            .stacks[0].principals.map((p: { name: string }) => p.name)
            .sort(),
        ).toEqual([...n.clients].sort());
      }),
      RUNS,
    );
  });

  test('diff Markdown: rows keep their cells, nothing raw, every changed name shown', () => {
    fc.assert(
      fc.property(names, (n) => {
        const md = renderDiffMarkdown(buildDiff(loaded(stackOf(n)), loaded(stackOf(n, true))));
        checkMarkdown(md, n.clients);
      }),
      RUNS,
    );
  });
});
