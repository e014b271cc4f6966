/** Why an incoming list version is refused: not newer than the stored one. */
export interface VersionRefusal {
  /** `same`: already stored (usually nothing to do); `older`: a rollback, stale mirror or replay. */
  reason: 'same' | 'older';
  message: string;
}

/**
 * Null when `incoming` may replace `stored` (none stored, or strictly newer); otherwise why not.
 * Versions only go up, so an older file (a stale cache, a replayed signed file) never replaces
 * a newer one.
 */
export function checkVersion(stored: number | undefined, incoming: number): VersionRefusal | null {
  if (stored === undefined || incoming > stored) return null;
  if (incoming === stored) {
    return { reason: 'same', message: `Version ${incoming} is the version already stored: nothing to update` };
  }
  return {
    reason: 'older',
    message: `Version ${incoming} is older than the stored version ${stored}: refused (versions must increase with each publish)`,
  };
}
