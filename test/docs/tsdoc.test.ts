/**
 * awslint-style documentation checks over the public construct API, with the TypeScript compiler API:
 * every exported class and props/options interface has a summary, every prop has TSDoc, every optional prop
 * has `@default`, and each seed construct's TSDoc names exactly the permissions it grants.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { Capabilities, WfmPublisherServiceAccount } from '../../lib';

const DIR = path.resolve(__dirname, '../../lib/constructs');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'core.ts');

function docOf(node: ts.Node, sf: ts.SourceFile): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .map((d) => d.getText(sf))
    .join('\n');
}

function isExported(node: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export) !== 0;
}

interface Problem {
  file: string;
  what: string;
}

function problems(): Problem[] {
  const out: Problem[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, fs.readFileSync(path.join(DIR, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    sf.forEachChild((node) => {
      if ((ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) && isExported(node) && node.name) {
        if (!docOf(node, sf)) out.push({ file, what: `${node.name.text} has no summary` });
      }
      if (ts.isInterfaceDeclaration(node) && isExported(node) && /(Props|Options)$/.test(node.name.text)) {
        for (const m of node.members) {
          if (!ts.isPropertySignature(m)) continue;
          const name = `${node.name.text}.${m.name.getText(sf)}`;
          const doc = docOf(m, sf);
          if (!doc) out.push({ file, what: `${name} has no TSDoc` });
          else if (m.questionToken && !/@default /.test(doc))
            out.push({ file, what: `${name} is optional but has no @default` });
        }
      }
    });
  }
  return out;
}

describe('TSDoc on the public construct API', () => {
  test('every exported class and interface has a summary; every prop has TSDoc and optional props @default', () => {
    expect(problems()).toEqual([]);
  });

  test('the checker finds a missing @default', () => {
    const sf = ts.createSourceFile(
      'x.ts',
      'export interface XProps {\n  /** Documented. */\n  readonly y?: string;\n}',
      ts.ScriptTarget.ES2022,
      true,
    );
    const iface = sf.statements[0] as ts.InterfaceDeclaration;
    expect(/@default /.test(docOf(iface.members[0], sf))).toBe(false);
  });

  test.each([
    ['screen-recording-reader-client.ts', ['screen-recording-read', 'analytics-conversation-detail-query']],
    ['wfm-publisher-service-account.ts', [...WfmPublisherServiceAccount.CAPABILITIES]],
  ])('%s documents exactly the permissions and operations it grants', (file, caps) => {
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    const granted = Capabilities.permissionsOf(caps);
    const named = [...new Set(text.match(/`[a-zA-Z]+:[a-zA-Z]+:[a-zA-Z]+`/g)!.map((s) => s.slice(1, -1)))].sort();
    expect(named).toEqual(granted);
    for (const c of caps) {
      for (const op of Capabilities.resolve(c).operations) {
        const tail = op.path.split('/').slice(-2).join('/');
        expect([op.operationId, text.includes(tail)]).toEqual([op.operationId, true]);
      }
    }
  });
});
