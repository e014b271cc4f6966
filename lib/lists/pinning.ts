import type { SourceRecord } from '../db';
import { SyncError } from './download';
import type { SubscribeRequest } from './subscriptions';

/**
 * A subscription keeps its trust. Subscribing again to an address already subscribed (a link
 * clicked twice, a link from someone else, the policy applied again) may tighten it, never loosen it:
 *
 * - A pinned key stays pinned. The person's request must carry that same key: without it, or with
 *   another, it is refused — a link cannot unpin a list or swap its key (both would let whoever
 *   controls the link, or the host, serve any list). To move to a publisher's new key, the person
 *   unsubscribes, then subscribes with the new link: two deliberate steps in Options.
 * - An unpinned subscription the person made is pinned by a request with a key.
 * - A managed list stays managed, and its key is the administrator's: the policy's key pins it
 *   (added, changed or removed, as the policy says), and the person cannot set one.
 * - The policy adopting a list the person subscribed to makes it managed; it keeps the person's
 *   key unless the policy names one.
 * - The version floor (never older than the copy stored) is the sync's rule, and holds here too.
 */

export type Subscriber = 'person' | 'policy';

export interface SubscriptionTerms {
  kind: 'url' | 'managed';
  /** The key updates must be signed with, if any. */
  key?: string;
}

const withKey = (kind: SubscriptionTerms['kind'], key: string | undefined): SubscriptionTerms =>
  key === undefined ? { kind } : { kind, key };

/** The terms of the subscription `who` asks for at an address held by `existing`; throws when refused. */
export function subscriptionTerms(
  existing: Pick<SourceRecord, 'kind' | 'publicKey'> | undefined,
  request: Pick<SubscribeRequest, 'key'>,
  who: Subscriber,
): SubscriptionTerms {
  if (who === 'policy') {
    return withKey('managed', request.key ?? (existing?.kind === 'url' ? existing.publicKey : undefined));
  }
  if (!existing) return withKey('url', request.key);
  const kind = existing.kind === 'managed' ? 'managed' : 'url';
  const pinned = existing.publicKey;
  if (pinned !== undefined) {
    if (request.key === undefined) throw new SyncError({ code: 'key-missing' });
    if (request.key !== pinned) throw new SyncError({ code: 'key-changed' });
    return withKey(kind, pinned);
  }
  if (request.key !== undefined && kind === 'managed') throw new SyncError({ code: 'managed-key' });
  return withKey(kind, request.key);
}
