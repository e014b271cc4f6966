import { STRICTNESS } from '../core/vocabulary';
import { browser } from 'wxt/browser';
import { z } from 'zod';

/**
 * The administrator's policy (chrome.storage.managed, schema in public/managed_schema.json):
 * lists to subscribe, a locked strictness, whether people may turn the managed lists off.
 */
export const managedPolicySchema = z.object({
  lists: z.array(z.object({ url: z.string(), key: z.string().optional() })).default([]),
  strictness: z.enum(STRICTNESS).optional(),
  allowRemovingLists: z.boolean().default(false),
});
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;

export const NO_POLICY: ManagedPolicy = { lists: [], allowRemovingLists: false };

/** The policy, or none: Firefox without a policy, and the fake browser, reject or lack the area. */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  try {
    const raw: unknown = await browser.storage.managed.get(null);
    const policy = managedPolicySchema.safeParse(raw ?? {});
    return policy.success ? policy.data : NO_POLICY;
  } catch {
    return NO_POLICY;
  }
}
