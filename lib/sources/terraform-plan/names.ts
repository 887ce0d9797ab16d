/**
 * Names in the normalised document and back. The document reader names a node `type.name`, and resolves
 * `${type.name.id}` only for plain names; a plan's instances also live in modules and carry count indexes and
 * for_each keys (`module.team.genesyscloud_user.agent["a@example.com"]`). Such an instance gets a plain stand-in
 * name in the document, and the graph read from it is relabelled with the real Terraform addresses, and with
 * the instance's file, JSON pointer and (when the plan knows it) Genesys Cloud id. No cdktf import.
 */
import type {
  AccessGraph,
  GraphDivision,
  GraphGrant,
  GraphGrantWriter,
  GraphPrincipal,
  GraphRole,
  Provenance,
} from '../../access/graph';
import { cmp } from '../../util/compare';
import type { PlanInstance } from './instances';

const PLAIN = /^[A-Za-z0-9_-]+$/;

/** Document names for plan instances: the instance's own name when plain, else a stand-in. */
export class Namer {
  private readonly names = new Map<PlanInstance, string>();
  private readonly taken = new Map<string, Set<string>>();
  private next = 0;

  constructor(instances: Iterable<PlanInstance>) {
    for (const i of instances) {
      if (i.module === '' && i.index === undefined && PLAIN.test(i.name)) {
        const kind = i.mode === 'data' ? `data.${i.type}` : i.type;
        let set = this.taken.get(kind);
        if (!set) this.taken.set(kind, (set = new Set()));
        set.add(i.name);
      }
    }
  }

  /** The instance's name in the document. */
  name(i: PlanInstance): string {
    const hit = this.names.get(i);
    if (hit !== undefined) return hit;
    let name = i.name;
    if (i.module !== '' || i.index !== undefined || !PLAIN.test(i.name)) {
      const taken = this.taken.get(i.mode === 'data' ? `data.${i.type}` : i.type);
      const base = i.name.replace(/[^A-Za-z0-9_-]/g, '_');
      do name = `${base}__${++this.next}`;
      while (taken?.has(name));
    }
    this.names.set(i, name);
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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The graph with document names replaced by the plan's addresses, in keys, references, names that fall back
 * to an address, and messages (whose document pointers become `address.attribute[0]` paths), and with each
 * node's plan file, JSON pointer and Genesys Cloud id added to its provenance. In place: the graph was just
 * read from a document this module made, nothing else holds it, and a plan has tens of thousands of nodes.
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
  const provenance = (node: { provenance?: Provenance }): void => {
    const p = node.provenance as Mutable<Provenance> | undefined;
    const i = p?.address !== undefined ? byDoc.get(p.address) : undefined;
    if (!p || !i) return;
    p.address = i.address;
    // An instance the plan knows the id of exists already (it is in state, or was read).
    const id = i.values.id;
    if (typeof id === 'string' && id !== '') p.genesysId = id;
    p.file = file;
    p.pointer = i.pointer;
  };
  const named = (n: { key: string; name: string }, key: string): string => (n.name === n.key ? key : addr(n.name));

  const divisionKeys = new Map<string, string>();
  for (const d of graph.divisions as Array<Mutable<GraphDivision>>) {
    const key =
      d.kind === 'lookup' || d.kind === 'managed' ? addr(d.key) : d.kind === 'unresolved' ? text(d.key) : d.key;
    if (key !== d.key) divisionKeys.set(d.key, key);
    const m = REF.exec(d.ref);
    d.ref = m ? `\${${addr(m[1])}.id}` : d.kind === 'unresolved' ? text(d.ref) : d.ref;
    d.key = key;
    provenance(d);
  }
  const roleKeys = new Map<string, string>();
  for (const r of graph.roles as Array<Mutable<GraphRole>>) {
    const key = r.key.startsWith('role:') ? text(r.key) : addr(r.key);
    if (key !== r.key) roleKeys.set(r.key, key);
    r.name = named(r, key);
    r.key = key;
    if (r.incompleteReason !== undefined) r.incompleteReason = text(r.incompleteReason);
    provenance(r);
  }
  const principalKeys = new Map<string, string>();
  for (const p of graph.principals as Array<Mutable<GraphPrincipal>>) {
    const key = p.key.startsWith('user:') || p.key.startsWith('group:') ? text(p.key) : addr(p.key);
    if (key !== p.key) principalKeys.set(p.key, key);
    p.name = named(p, key);
    p.key = key;
    if (p.grantsIncompleteReason !== undefined) p.grantsIncompleteReason = text(p.grantsIncompleteReason);
    provenance(p);
  }
  for (const w of graph.grantWriters as Array<Mutable<GraphGrantWriter>>) {
    w.key = addr(w.key);
    w.principal = principalKeys.get(w.principal) ?? w.principal;
    provenance(w);
  }
  for (const g of graph.grants as Array<Mutable<GraphGrant>>) {
    g.principal = principalKeys.get(g.principal) ?? g.principal;
    g.role = roleKeys.get(g.role) ?? g.role;
    g.division = divisionKeys.get(g.division) ?? g.division;
    g.writer = addr(g.writer);
  }
  const byKey = <T extends { key: string }>(a: T, b: T): number => cmp(a.key, b.key);
  (graph.divisions as GraphDivision[]).sort(byKey);
  (graph.roles as GraphRole[]).sort(byKey);
  (graph.principals as GraphPrincipal[]).sort(byKey);
  (graph.grantWriters as GraphGrantWriter[]).sort(byKey);
  return graph;
}
