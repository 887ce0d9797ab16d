/** Markdown helpers, did-you-mean, and the diff Markdown's size limit. */
import { readCdktf } from '../../lib/sources/cdktf/read';
import { buildDiff } from '../../lib/review/diff';
import { code, codeList, text } from '../../lib/review/markdown';
import { COMMENT_LIMIT } from '../../lib/review/markdown-fit';
import { renderDiffMarkdown } from '../../lib/review/render-diff-markdown';
import { nearest } from '../../lib/review/suggest';

test('text and code spans are safe in table cells', () => {
  expect(text('a | b *c* <d>\ne & f')).toBe('a \\| b \\*c\\* &lt;d&gt; e &amp; f');
  expect(code('x|y')).toBe('`x\\|y`');
  expect(code('a`b')).toBe('`` a`b ``');
  expect(codeList(['a', 'b', 'c'], 2)).toBe('`a`, `b`, +1 more');
  expect(codeList([])).toBe('—');
});

test('did-you-mean finds word matches and short typos', () => {
  expect(nearest('--plna', ['--plan', '--principal', '--format'], 2)).toEqual(['--plan']);
  expect(nearest('reprot', ['report', 'diff', 'explain', 'deployer'], 2)).toEqual(['report']);
  expect(nearest('QA downloader', ['QA screen recording downloader', 'Midwest schedule publisher'])).toEqual([
    'QA screen recording downloader',
  ]);
  expect(nearest('zzzzzz', ['report', 'diff'])).toEqual([]);
});

test('a diff too large for one comment is shortened, with a pointer to the JSON', () => {
  const clients: Record<string, unknown> = {};
  for (let i = 0; i < 800; i++) {
    clients[`c${i}`] = {
      name: `Client ${i}`,
      authorized_grant_type: 'CLIENT-CREDENTIALS',
      expose_client_secret: true,
      roles: [{ role_id: '${genesyscloud_auth_role.r.id}', division_id: '*' }],
    };
  }
  const head = {
    resource: {
      genesyscloud_auth_role: {
        r: { name: 'R', permission_policies: [{ domain: 'wfm', entity_name: 'schedule', action_set: ['view'] }] },
      },
      genesyscloud_oauth_client: clients,
    },
  };
  const model = buildDiff(
    [{ name: 's', file: 'b', graph: readCdktf({}) }],
    [{ name: 's', file: 'h', graph: readCdktf(head) }],
  );
  expect(model.summary.broadening).toBe(1600);
  const md = renderDiffMarkdown(model);
  expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT + 100);
  expect(model.changes.filter((c) => c.widening)).toHaveLength(4801);
  expect(md).toContain('**Widening: 4801 changes to review** (800 all divisions · 800 secret exposed ·');
  expect(md).toMatch(/\+\d+ more widening changes: see `--format json`/);
  expect(md).toMatch(/\+\d+ more changed principals: see `--format json`/);
});
