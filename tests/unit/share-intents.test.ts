import { describe, expect, it } from 'vitest';
import {
  ALLOW_RULE_PRIORITY,
  buildIntentRules,
  INTENT_RULE_PRIORITY,
  intentHostPatterns,
  originalUrlFromHash,
  parseShareIntent,
  SHARE_INTENTS,
  shareIntentUrl,
} from '../../lib/share-intents';
import { exactUrlFilter } from '../../lib/background/share-intent-pass';

const article = 'https://hoaks.example/vaksin-chip';
const enc = encodeURIComponent;

describe('parseShareIntent', () => {
  it.each([
    [`https://www.facebook.com/sharer/sharer.php?u=${enc(article)}`, 'facebook', '', [article]],
    [`https://m.facebook.com/sharer.php?u=${enc(article)}&quote=Lihat`, 'facebook', 'Lihat', [article]],
    [`https://x.com/intent/post?text=Vaksin%20berisi%20chip&url=${enc(article)}`, 'x', 'Vaksin berisi chip', [article]],
    [`https://x.com/intent/tweet?text=Baca%20${enc(article)}`, 'x', `Baca ${article}`, [article]],
    [`https://twitter.com/intent/tweet?url=${enc(article)}`, 'x', '', [article]],
    [`https://twitter.com/share?text=Halo&url=${enc(article)}`, 'x', 'Halo', [article]],
    [`https://api.whatsapp.com/send?text=Sebarkan!%20${enc(article)}`, 'whatsapp', `Sebarkan! ${article}`, [article]],
    [`https://wa.me/?text=Sebarkan`, 'whatsapp', 'Sebarkan', []],
    [`https://web.whatsapp.com/send?text=Sebarkan`, 'whatsapp', 'Sebarkan', []],
    [`https://t.me/share/url?url=${enc(article)}&text=Info`, 'telegram', 'Info', [article]],
    [`https://telegram.me/share/url?url=${enc(article)}`, 'telegram', '', [article]],
    [`https://www.linkedin.com/sharing/share-offsite/?url=${enc(article)}`, 'linkedin', '', [article]],
    [`https://www.reddit.com/submit?url=${enc(article)}&title=Chip%20vaksin`, 'reddit', 'Chip vaksin', [article]],
    [`https://www.threads.net/intent/post?text=Info%20penting`, 'threads', 'Info penting', []],
    [`https://line.me/R/msg/text/?Info%20penting%20${enc(article)}`, 'line', `Info penting ${article}`, [article]],
  ])('%s', (url, target, text, urls) => {
    expect(parseShareIntent(url)).toEqual({ target, text, urls });
  });

  it('returns null for other pages, empty intents and non-web URLs', () => {
    expect(parseShareIntent('https://www.facebook.com/groups/123')).toBeNull();
    expect(parseShareIntent('https://wa.me/6281234567')).toBeNull();
    expect(parseShareIntent('https://x.com/intent/post')).toBeNull();
    expect(parseShareIntent('https://evilfacebook.com/sharer.php?u=https://a.id')).toBeNull();
    expect(parseShareIntent('ftp://facebook.com/sharer.php?u=x')).toBeNull();
    expect(parseShareIntent('not a url')).toBeNull();
  });
});

describe('buildIntentRules', () => {
  const page = 'chrome-extension://abc/share-check.html';
  const rules = buildIntentRules(page);

  /** Applies the rules the way declarativeNetRequest does (JS regex stands in for RE2 here). */
  function redirectOf(url: string): string | null {
    for (const rule of rules) {
      const regex = new RegExp(rule.condition.regexFilter!, rule.condition.isUrlFilterCaseSensitive ? '' : 'i');
      const match = regex.exec(url);
      if (match) return rule.action.redirect!.regexSubstitution!.replace('\\0', () => match[0]);
    }
    return null;
  }

  it('has one main-frame redirect rule per intent, unique ids, below the allow priority', () => {
    expect(rules).toHaveLength(SHARE_INTENTS.length);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.action.type).toBe('redirect');
      expect(rule.condition.resourceTypes).toEqual(['main_frame']);
      expect(rule.priority).toBe(INTENT_RULE_PRIORITY);
    }
    expect(ALLOW_RULE_PRIORITY).toBeGreaterThan(INTENT_RULE_PRIORITY);
  });

  it('sends share intents to the share-check page carrying the original URL', () => {
    for (const url of [
      `https://www.facebook.com/sharer/sharer.php?u=${enc(article)}`,
      `https://x.com/intent/post?text=hi`,
      `https://wa.me/?text=hi`,
      `https://t.me/share/url?url=${enc(article)}`,
      `https://line.me/R/msg/text/?hi`,
      `https://www.reddit.com/submit?title=x&url=${enc(article)}`,
    ]) {
      const redirected = redirectOf(url);
      expect(redirected).toBe(`${page}#${url}`);
      expect(originalUrlFromHash(new URL(redirected!).hash)).toBe(url);
    }
  });

  it('leaves other pages on the same hosts alone', () => {
    for (const url of [
      'https://www.facebook.com/',
      'https://www.facebook.com/sharer.php',
      'https://x.com/home',
      'https://x.com/intent/post',
      'https://wa.me/6281234567',
      'https://wa.me/6281234567?text=halo',
      'https://www.reddit.com/r/indonesia/submit',
      'https://notfacebook.com/sharer.php?u=x',
    ]) {
      expect(redirectOf(url)).toBeNull();
    }
  });

  it('asks host access for every host the rules redirect', () => {
    const patterns = intentHostPatterns();
    for (const intent of SHARE_INTENTS) {
      for (const host of intent.hosts) expect(patterns).toContain(`*://${host}/*`);
    }
  });
});

describe('originalUrlFromHash', () => {
  it('reads the URL raw or percent-encoded and refuses anything else', () => {
    expect(originalUrlFromHash(`#${article}?a=1#frag`)).toBe(`${article}?a=1#frag`);
    expect(originalUrlFromHash(`#${enc(article)}`)).toBe(article);
    expect(originalUrlFromHash('#javascript:alert(1)')).toBeNull();
    expect(originalUrlFromHash('')).toBeNull();
  });
});

describe('shareIntentUrl: where the share-check page may continue', () => {
  it('is the URL as the browser writes it, for share intents of guarded services, even empty ones', () => {
    expect(shareIntentUrl('https://wa.me/?text=halo')).toBe('https://wa.me/?text=halo');
    expect(shareIntentUrl('https://X.com/intent/post?text=a b')).toBe('https://x.com/intent/post?text=a%20b');
    expect(shareIntentUrl('https://x.com/intent/post?via=saring')).toBe('https://x.com/intent/post?via=saring');
    expect(shareIntentUrl('http://www.facebook.com/sharer.php?u=x')).toBe('http://www.facebook.com/sharer.php?u=x');
  });

  it('refuses bounces, plain and %-encoded, look-alikes and other pages of the same hosts', () => {
    for (const hash of [
      '#https://evil.example/phish',
      `#${enc('https://evil.example/phish')}`,
      `#${enc(enc('https://evil.example/phish'))}`,
      '#https://x.com@evil.example/intent/post?text=a',
      '#https://x.com.evil.example/intent/post?text=a',
      '#https://evil.example/x.com/intent/post?text=a',
      '#https://x.com/home?next=https://evil.example',
      '#https://x.com\\@evil.example/intent/post?text=a',
      '#javascript:alert(1)//https://x.com/intent/post?text=a',
      '#data:text/html,<h1>x</h1>',
      '#',
    ]) {
      const carried = originalUrlFromHash(hash);
      expect(carried === null || shareIntentUrl(carried) === null, hash).toBe(true);
    }
  });
});

describe('exactUrlFilter: the pass is for one URL', () => {
  it('anchors the URL at both ends and leaves out a fragment, which is never requested', () => {
    expect(exactUrlFilter('https://wa.me/?text=halo')).toBe('|https://wa.me/?text=halo|');
    expect(exactUrlFilter('https://x.com/intent/post?text=a#top')).toBe('|https://x.com/intent/post?text=a|');
  });
});
