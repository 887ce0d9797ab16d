/** Markdown for `explain` and `deployer`. No cdktf import. */
import { code, codeList, details, plainList, plural, table, text } from '../review/markdown';
import { capped, type Caps, COMMENT_LIMIT, fit } from '../review/markdown-fit';
import type { DeployerModel, DeployerRequirements } from './deployer';
import type { ExplainModel, PermissionModel, PrincipalCheck, UnknownOperationModel } from './explain';
import type { OperationInfo } from './operation-info';

function requirementRows(op: OperationInfo): string[][] {
  const rows: string[][] = [
    ['ALL of', codeList(op.allOf)],
    ['ANY of', codeList(op.anyOf)],
    [
      'least privilege',
      op.leastPrivilege.length
        ? `${codeList(op.leastPrivilege)}${op.pick && op.anyOf.length > 1 ? ` (${text(op.pick.why)})` : ''}`
        : 'no permission listed: any authenticated principal',
    ],
    ['capabilities', codeList(op.capabilities)],
    [
      'scopes (user context, any one)',
      op.scopes.length
        ? `${codeList(op.scopes)}${op.leastScope && op.scopes.length > 1 ? `; narrowest ${code(op.leastScope)}` : ''}${op.scopesSource === 'inferred' ? ' (inferred, not documented)' : ''}`
        : 'unknown',
    ],
  ];
  if (op.mentioned.length) rows.push(['mentioned, not required', codeList(op.mentioned)]);
  return rows;
}

function operationSection(m: ExplainModel): string {
  const op = m.operation;
  const out: string[] = [];
  out.push(`${code(op.operationId)}: ${text(op.summary)}${op.deprecated ? ' **(deprecated)**' : ''}`);
  out.push(table(['requires', 'what'], requirementRows(op)));
  out.push(text(m.scopes));
  if (op.notes.length) out.push(op.notes.map((n) => `- ${text(n)}`).join('\n'));
  return out.join('\n\n');
}

function checkSection(c: PrincipalCheck): string {
  const out: string[] = [];
  const where = c.division !== undefined ? ` in "${text(c.division)}"` : '';
  out.push(`### Can ${text(c.principal.name)} call it${where}?`);
  out.push(`**${c.verdict === 'allowed' ? 'Yes' : c.verdict === 'denied' ? 'No' : 'Cannot tell'}.** ${text(c.answer)}`);
  const facts: string[] = [];
  const type =
    c.principal.kind === 'oauth-client'
      ? `OAuth client, ${c.principal.grantType ?? 'no grant type'}`
      : c.principal.kind;
  facts.push(
    `- principal: ${code(c.principal.address)} (${text(type)}) in stack ${code(c.stack)}${c.principal.construct ? `, construct ${code(c.principal.construct)}` : ''}`,
  );
  if (!c.userContext) facts.push(`- allowed in: ${c.allowedIn.length ? plainList(c.allowedIn) : 'no division'}`);
  if (c.satisfiedBy.length) facts.push(`- satisfied by: ${codeList(c.satisfiedBy)}`);
  for (const x of c.missing) facts.push(`- missing ${x.kind}: ${text(x.detail)}`);
  out.push(facts.join('\n'));
  for (const f of c.fixes) {
    const lines = [`**Fix**: ${text(f.summary)}`];
    if (f.rawBindings) lines.push(`- raw bindings: ${code(f.rawBindings)}`);
    if (f.constructs) lines.push(`- ${f.rawBindings ? 'or with the constructs' : 'constructs'}: ${code(f.constructs)}`);
    out.push(lines.join('\n'));
  }
  if (c.notes.length) out.push(c.notes.map((n) => `- note: ${text(n)}`).join('\n'));
  return out.join('\n\n');
}

/** `explain` for a known operation: everything when it fits a pull-request comment, else callers capped. */
export function renderExplainMarkdown(m: ExplainModel): string {
  const full = explainMarkdown(m);
  return full.length <= COMMENT_LIMIT ? full : fit((caps) => explainMarkdown(m, caps));
}

function explainMarkdown(m: ExplainModel, caps?: Caps): string {
  const out: string[] = [`## ${text(m.operation.key)}`];
  if (m.query !== m.operation.key && m.query !== m.operation.operationId) {
    out.push(`${code(m.query)} is ${code(m.operation.key)}.`);
  }
  if (m.check) out.push(checkSection(m.check));
  if (m.callers) {
    out.push('### Who in the plan can call it');
    out.push(
      m.callers.length
        ? capped(
            ['principal', 'stack', 'allowed in'],
            m.callers
              .slice(0, caps?.rows ?? Infinity)
              .map((c) => [
                c.name === c.address ? code(c.address) : `**${text(c.name)}**<br>${code(c.address)}`,
                code(c.stack),
                plainList(c.allowedIn, caps ? caps.names : Infinity),
              ]),
            m.callers.length,
            'caller',
          )
        : 'Nobody in the plan.',
    );
  }
  out.push(m.check || m.callers ? `### What it needs\n\n${operationSection(m)}` : operationSection(m));
  return out.join('\n\n').trim() + '\n';
}

/** `explain` for an operation that does not exist. */
export function renderUnknownOperationMarkdown(m: UnknownOperationModel): string {
  const out: string[] = [`## Unknown operation: ${text(m.query)}`, text(m.error)];
  if (m.suggestions.length) {
    out.push('Nearest real operations:');
    out.push(
      table(
        ['operation', 'least privilege', 'capability', 'scopes (user context)'],
        m.suggestions.map((s) => [
          `${code(s.key)}<br>${code(s.operationId)}: ${text(s.summary)}${s.deprecated ? ' (deprecated)' : ''}`,
          s.leastPrivilege.length ? codeList(s.leastPrivilege) : 'none listed',
          s.capability ? code(s.capability) : '—',
          codeList(s.scopes),
        ]),
      ),
    );
  }
  return out.join('\n\n').trim() + '\n';
}

/** `explain <permission>`. */
export function renderPermissionMarkdown(m: PermissionModel): string {
  const out: string[] = [`## ${text(m.permission)}`];
  out.push(
    `Listed by ${plural(m.operations.count, 'operation')}${m.operations.examples.length ? `, e.g. ${codeList(m.operations.examples)}` : ''}.`,
  );
  out.push(`Capabilities that grant it: ${codeList(m.capabilities)}.`);
  if (m.adminGrade) out.push('**Admin-grade**: it lets its holder change who can do what.');
  return out.join('\n\n').trim() + '\n';
}

function deployerSection(r: DeployerRequirements, heading: string, caps?: Caps): string {
  const out: string[] = [heading];
  const resources = r.types.filter((t) => t.kind === 'resource');
  const data = r.types.filter((t) => t.kind === 'data');
  out.push(
    `The OAuth client that runs \`cdktf deploy\` needs ${plural(r.permissions.length, 'permission')} for the provider's API calls on ${plural(resources.length, 'resource type')} and ${plural(data.length, 'data source')}, and must already hold ${plural(r.grants.length, 'role × division grant')} the plan gives to others.`,
  );
  out.push(`**Permissions**: ${codeList(r.permissions)}`);
  if (r.types.length) {
    out.push(
      table(
        ['type', 'count', 'operations', 'permissions it needs'],
        r.types.map((t) => {
          const counted = t.operations.filter((o) => !o.condition);
          const needs = [...new Set(counted.flatMap((o) => [...o.allOf, ...o.anyOf]))].filter((p) =>
            r.permissions.includes(p),
          );
          return [
            code(t.kind === 'data' ? `data.${t.type}` : t.type),
            String(t.count),
            `${counted.length}${t.operations.length > counted.length ? ` (+${t.operations.length - counted.length} conditional)` : ''}`,
            needs.length ? codeList(needs.sort(), 6) : 'none',
          ];
        }),
        [1, 2],
      ),
    );
  }
  if (r.grants.length) {
    out.push('**Role × division grants the deploying client must hold**');
    out.push(
      capped(
        ['role', 'division', 'granted to'],
        r.grants
          .slice(0, caps?.rows ?? Infinity)
          .map((g) => [
            `${text(g.role)}<br>${code(g.roleAddress)}${g.createdByPlan ? ' (created by this plan)' : ''}`,
            text(g.division),
            codeList(g.grantedTo, 5),
          ]),
        r.grants.length,
        'grant',
      ),
    );
  }
  const more: string[] = [];
  if (r.choices.length) {
    more.push(
      table(
        ['ANY of', 'pick', 'why', 'operations'],
        r.choices.map((c) => [codeList(c.of, 6), code(c.pick), text(c.why), codeList(c.operations)]),
      ),
    );
  }
  const ops = r.types.flatMap((t) =>
    t.operations.map((o) => [
      code(t.kind === 'data' ? `data.${t.type}` : t.type),
      code(o.key),
      codeList(o.allOf),
      codeList(o.anyOf, 6),
      o.condition ? `not counted: ${text(o.condition)}` : '',
    ]),
  );
  if (ops.length) more.push(table(['type', 'operation', 'ALL of', 'ANY of', 'note'], ops));
  const unknownEndpoints = r.types.flatMap((t) => t.unknownEndpoints.map((e) => `${t.type}: ${e}`));
  if (unknownEndpoints.length) more.push(`Endpoints not in the catalog: ${codeList(unknownEndpoints)}`);
  if (more.length && caps?.details !== 0) out.push(details('Operations and ANY-of choices', more.join('\n\n')));
  if (r.unknownTypes.length) out.push(`No API usage data for: ${codeList(r.unknownTypes)}`);
  if (r.notes.length) out.push(r.notes.map((n) => `- ${n}`).join('\n'));
  return out.join('\n\n');
}

/** `deployer`: everything when it fits a pull-request comment, else shortened (grants capped) to fit. */
export function renderDeployerMarkdown(m: DeployerModel): string {
  const full = deployerMarkdown(m);
  return full.length <= COMMENT_LIMIT ? full : fit((caps) => deployerMarkdown(m, caps));
}

function deployerMarkdown(m: DeployerModel, caps?: Caps): string {
  const out: string[] = [];
  if (m.stacks.length === 1) {
    out.push(deployerSection(m.stacks[0], `## Deployer requirements: ${text(m.stacks[0].stack)}`, caps));
  } else {
    out.push('## Deployer requirements');
    if (m.combined) {
      out.push(
        `One client deploying all ${m.stacks.length} stacks needs ${plural(m.combined.permissions.length, 'permission')}: ${codeList(m.combined.permissions)}, and ${plural(m.combined.grants.length, 'role × division grant')}.`,
      );
    }
    for (const r of m.stacks) out.push(deployerSection(r, `### ${text(r.stack)}`, caps));
  }
  return out.join('\n\n').trim() + '\n';
}
