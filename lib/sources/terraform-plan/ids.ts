/**
 * Ids in a plan: a plan writes the id a grant names (`role_id = "5f2c..."`), not the reference the
 * configuration made. These indexes turn an id back into the instance it belongs to, per kind of thing a grant
 * names, and tell which division ids are the home division. No cdktf import.
 */
import { cmp } from '../../util/compare';
import type { PlanInstance } from './instances';

/** What a grant attribute names. */
export type IdKind = 'role' | 'division' | 'user' | 'group';

const MANAGED_KIND = new Map<string, IdKind>([
  ['genesyscloud_auth_role', 'role'],
  ['genesyscloud_auth_division', 'division'],
  ['genesyscloud_user', 'user'],
  ['genesyscloud_group', 'group'],
]);
const DATA_KIND = new Map<string, IdKind>([...MANAGED_KIND, ['genesyscloud_auth_division_home', 'division']]);

/** The kind of thing an instance is, for the attributes that name it by id. */
export function idKindOf(i: Pick<PlanInstance, 'mode' | 'type'>): IdKind | undefined {
  return (i.mode === 'data' ? DATA_KIND : MANAGED_KIND).get(i.type);
}

/** True for an instance that is the home division. */
export function isHomeDivision(i: PlanInstance): boolean {
  if (i.mode === 'data' && i.type === 'genesyscloud_auth_division_home') return true;
  if (i.mode === 'managed' && i.type === 'genesyscloud_auth_division') {
    return i.values.home === true || i.values.home === 'true';
  }
  if (i.mode === 'data' && i.type === 'genesyscloud_auth_division') {
    return typeof i.values.name === 'string' && i.values.name.trim().toLowerCase() === 'home';
  }
  return false;
}

/** Instances by id, per kind; home division ids. */
export class IdIndex {
  private readonly byKind = new Map<IdKind, Map<string, PlanInstance>>();
  /**
   * @param homeIds ids of the home division (from the data source, a `home = true` division, or learned from
   *   grants): shared by the two sides of a plan, so what one learns the other uses.
   */
  constructor(
    instances: Iterable<PlanInstance>,
    public readonly homeIds: Set<string> = new Set(),
  ) {
    for (const i of instances) {
      const kind = idKindOf(i);
      const id = i.values.id;
      if (!kind || typeof id !== 'string' || id === '') continue;
      let m = this.byKind.get(kind);
      if (!m) this.byKind.set(kind, (m = new Map()));
      const prior = m.get(id);
      // One id, two instances (a lookup and a resource of the same role): the resource wins, then the address.
      if (
        !prior ||
        (prior.mode === 'data' && i.mode === 'managed') ||
        (prior.mode === i.mode && cmp(i.address, prior.address) < 0)
      ) {
        m.set(id, i);
      }
      if (kind === 'division' && isHomeDivision(i)) this.homeIds.add(id);
    }
  }

  /** The instance of this kind with this id. */
  get(kind: IdKind, id: string): PlanInstance | undefined {
    return this.byKind.get(kind)?.get(id);
  }

  /** True when `id` names a division the plan knows is not the home division. */
  isOtherDivision(id: string): boolean {
    const hit = this.get('division', id);
    return hit !== undefined && !isHomeDivision(hit) && !this.homeIds.has(id);
  }
}
