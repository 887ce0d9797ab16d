/**
 * Names in the normalised document and back. The document reader names a node `type.name`, and resolves
 * `${type.name.id}` only for plain names; a plan's instances also live in modules and carry count indexes and
 * for_each keys (`module.team.genesyscloud_user.agent["a@example.com"]`). Such an instance gets a plain stand-in
 * name in the document, and the graph read from it is relabelled with the real Terraform addresses, and with
 * the instance's file, JSON pointer and (when the plan knows it) Genesys Cloud id. No cdktf import.
 */
import type { AccessGraph, GraphDivision, GraphPrincipal, GraphRole, Provenance } from '../../access/graph';
import { cmp } from '../../util/compare';
import type { PlanInstance } from './instances';

const PLAIN = /^[A-Za-z0-9_-]+$/;

/** Document names for plan instances: the instance's own name when plain, else a stand-in. */
export class Namer {
  private readonly names = new Map<string, string>();
  private readonly taken = new Map<string, Set<string>>();
  private next = 0;

  constructor(instances: Iterable<PlanInstance>) {
    for (const i of instances) {
      if (i.module === '' && i.index === undefined && PLAIN.test(i.name)) {
        const kind = `${i.mode} ${i.type}`;
        let set = this.taken.get(kind);
        if (!set) this.taken.set(kind, (set = new Set()));
        set.add(i.name);
      }
    }
  }

  /** The instance's name in the document. */
  name(i: PlanInstance): string {
    if (i.module === '' && i.index === undefined && PLAIN.test(i.name)) return i.name;
    const hit = this.names.get(i.address);
    if (hit) return hit;
    const taken = this.taken.get(`${i.mode} ${i.type}`);
    const base = i.name.replace(/[^A-Za-z0-9_-]/g, '_');
    let name: string;
    do name = `${base}__${++this.next}`;
    while (taken?.has(name));
    this.names.set(i.address, name);
    return name;
  }

  /** The instance's address in the document: `type.name` or `data.type.name`. */
  address(i: PlanInstance): string {
    return `${i.mode === 'data' ? 'data.' : ''}${i.type}.${this.name(i)}`;
  }
}

/** A document address (`data.genesyscloud_x.y`) not inside a longer address. */
const DOC_ADDRESS = /(?<![\w.-])(?:data\.)?genesyscloud_\w+\.[\w-]+(?![\w[-])/g;
/** A JSON pointer into the document (`/resource/genesyscloud_oauth_client/qa/roles/0`). */
const DOC_POINTER = /\/(resource|data)\/(genesyscloud_\w+)\/([\w-]+)((?:\/[\w~-]+)*)/g;
const REF = /^\$\{(.+)\.id\}$/;

/** A document reader's message with its document pointers turned into pointers into the plan file. */
export function planPointers(message: string, byDoc: ReadonlyMap<string, PlanInstance>): string {
  return message.replace(DOC_POINTER, (m, kind: string, type: string, name: string, rest: string) => {
    const i = byDoc.get(`${kind === 'data' ? 'data.' : ''}${type}.${name}`);
    return i ? `${i.pointer}/values${rest}` : m;
  });
}

/**
 * The graph with document names replaced by the plan's addresses, in keys, references, names that fall back
 * to an address, and messages (whose document pointers become `address.attribute[0]` paths), and with each
 * node's plan file, JSON pointer and Genesys Cloud id added to its provenance.
 */
export function relabelGraph(graph: AccessGraph, byDoc: ReadonlyMap<string, PlanInstance>, file: string): AccessGraph {
  const addr = (k: string): string => byDoc.get(k)?.address ?? k;
  const text = (s: string): string =>
    s
      .replace(DOC_ADDRESS, (m) => addr(m))
      .replace(DOC_POINTER, (_m, kind: string, type: string, name: string, rest: string) => {
        const at = addr(`${kind === 'data' ? 'data.' : ''}${type}.${name}`);
        const path = rest
          .split('/')
          .filter(Boolean)
          .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : `.${seg.replace(/~1/g, '/').replace(/~0/g, '~')}`))
          .join('');
        return `${at}${path}`;
      });
  const provenance = (p: Provenance | undefined): Provenance | undefined => {
    if (!p?.address) return p;
    const i = byDoc.get(p.address);
    if (!i) return p;
    const id = i.values.id;
    // An instance the plan knows the id of exists already (it is in state, or was read).
    return typeof id === 'string' && id !== ''
      ? { ...p, address: i.address, genesysId: id, file, pointer: i.pointer }
      : { ...p, address: i.address, file, pointer: i.pointer };
  };
  const named = <T extends { key: string; name?: string }>(n: T, key: string): string | undefined =>
    n.name === undefined ? undefined : n.name === n.key ? key : addr(n.name);

  const divisionKeys = new Map<string, string>();
  const divisions: GraphDivision[] = graph.divisions.map((d) => {
    const key =
      d.kind === 'lookup' || d.kind === 'managed' ? addr(d.key) : d.kind === 'unresolved' ? text(d.key) : d.key;
    divisionKeys.set(d.key, key);
    const m = REF.exec(d.ref);
    const ref = m ? `\${${addr(m[1])}.id}` : d.kind === 'unresolved' ? text(d.ref) : d.ref;
    const prov = provenance(d.provenance);
    return { ...d, key, ref, ...(prov ? { provenance: prov } : {}) };
  });
  const roleKeys = new Map<string, string>();
  const roles: GraphRole[] = graph.roles.map((r) => {
    const key = r.key.startsWith('role:') ? text(r.key) : addr(r.key);
    roleKeys.set(r.key, key);
    const prov = provenance(r.provenance);
    return {
      ...r,
      key,
      name: named(r, key) ?? key,
      ...(r.incompleteReason !== undefined ? { incompleteReason: text(r.incompleteReason) } : {}),
      ...(prov ? { provenance: prov } : {}),
    };
  });
  const principalKeys = new Map<string, string>();
  const principals: GraphPrincipal[] = graph.principals.map((p) => {
    const key = p.key.startsWith('user:') || p.key.startsWith('group:') ? text(p.key) : addr(p.key);
    principalKeys.set(p.key, key);
    const prov = provenance(p.provenance);
    return {
      ...p,
      key,
      name: named(p, key) ?? key,
      ...(p.grantsIncompleteReason !== undefined ? { grantsIncompleteReason: text(p.grantsIncompleteReason) } : {}),
      ...(prov ? { provenance: prov } : {}),
    };
  });
  const grantWriters = graph.grantWriters.map((w) => {
    const prov = provenance(w.provenance);
    return {
      ...w,
      key: addr(w.key),
      principal: principalKeys.get(w.principal) ?? w.principal,
      ...(prov ? { provenance: prov } : {}),
    };
  });
  const grants = graph.grants.map((g) => ({
    ...g,
    principal: principalKeys.get(g.principal) ?? g.principal,
    role: roleKeys.get(g.role) ?? g.role,
    division: divisionKeys.get(g.division) ?? g.division,
    writer: addr(g.writer),
  }));
  const byKey = <T extends { key: string }>(a: T, b: T): number => cmp(a.key, b.key);
  return {
    ...graph,
    divisions: divisions.sort(byKey),
    roles: roles.sort(byKey),
    principals: principals.sort(byKey),
    grants,
    grantWriters: grantWriters.sort(byKey),
  };
}
