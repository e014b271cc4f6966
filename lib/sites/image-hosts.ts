import type { SiteAdapter } from './types';

/** Whether `url` is https on one of `hosts` (or a subdomain of one), with no credentials in it. */
export function onImageHost(url: string, hosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname;
  return (
    parsed.protocol === 'https:' &&
    !parsed.username &&
    !parsed.password &&
    hosts.some((own) => host === own || host.endsWith(`.${own}`))
  );
}

/** The manifest's host permissions for the sites' image hosts: the background fetches posts' pictures there. */
export function imageHostPatterns(sites: readonly SiteAdapter[]): string[] {
  return [...new Set(sites.flatMap((site) => site.images?.hosts ?? []))].flatMap((host) => [
    `https://${host}/*`,
    `https://*.${host}/*`,
  ]);
}
