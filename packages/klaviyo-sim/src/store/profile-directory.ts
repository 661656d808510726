import type { Audiences, MemberFacts } from './audiences.js';
import { describeProfile } from './profile-description.js';
import type { ProfilePool } from './profiles.js';
import type { SimProfile } from './types.js';

/** Profiles as of `now`: lookup, listing in signup order, and audience membership. */
export interface ProfileDirectory {
  readonly count: number;
  at(index: number): SimProfile | undefined;
  byId(id: string): SimProfile | undefined;
  list(fromIndex?: number): Iterable<SimProfile>;
  membershipsOf(profile: SimProfile): { listIds: string[]; segmentIds: string[] };
  memberCount(id: string): number;
  byUpdated(): { order: Int32Array; updated: Float64Array };
}

/** Builds the directory; member counts are counted once per list or segment, then remembered. */
export function createProfileDirectory(pool: ProfilePool, audiences: Audiences, now: number): ProfileDirectory {
  const count = pool.curve.firstIndexAtOrAfter(now);
  const at = (index: number): SimProfile | undefined =>
    Number.isSafeInteger(index) && index >= 0 && index < count ? describeProfile(pool.core(index), pool.idOf(index), now) : undefined;
  const factsOf = (index: number): MemberFacts => {
    const core = pool.core(index);
    return { traits: core.traits, created: core.created, emailable: pool.canEmailAt(core, now), at: now };
  };
  const counts = new Map<string, number>();
  let updatedIndex: { order: Int32Array; updated: Float64Array } | undefined;
  const buildUpdatedIndex = () => {
    // updated is the signup, or a later unsubscribe or bounce before now.
    const times = new Float64Array(count);
    for (let index = 0; index < count; index += 1) {
      const core = pool.core(index);
      times[index] = Math.floor((core.emailEndsAt <= now ? Math.max(core.created, core.emailEndsAt) : core.created) / 1000) * 1000;
    }
    const order = Int32Array.from({ length: count }, (_, index) => index).sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
    return { order, updated: Float64Array.from(order, (index) => times[index] as number) };
  };
  return {
    count,
    at,
    byId: (id) => {
      const index = pool.indexOf(id);
      return index === undefined ? undefined : at(index);
    },
    list: (fromIndex = 0) => ({
      *[Symbol.iterator]() {
        for (let index = Math.max(0, fromIndex); index < count; index += 1) yield describeProfile(pool.core(index), pool.idOf(index), now);
      },
    }),
    membershipsOf: (profile) => {
      const facts = factsOf(profile.index);
      return {
        listIds: audiences.lists.filter((list) => audiences.ruleOf(list.id)?.(facts)).map((list) => list.id),
        segmentIds: audiences.segments.filter((segment) => audiences.ruleOf(segment.id)?.(facts)).map((segment) => segment.id),
      };
    },
    byUpdated: () => (updatedIndex ??= buildUpdatedIndex()),
    memberCount: (id) => {
      const rule = audiences.ruleOf(id);
      if (!rule) return 0;
      let members = counts.get(id);
      if (members === undefined) {
        members = 0;
        for (let index = 0; index < count; index += 1) if (rule(factsOf(index))) members += 1;
        counts.set(id, members);
      }
      return members;
    },
  };
}
