import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import {
  fixturePage,
  screenshot,
  sendFromExtensionPage,
  serveFixture,
  settledShareLog,
  startBrowser,
  turnLabelsOff,
  waitForStarterList,
  watchErrors,
} from './harness';

// The hoax petitions repeat starter-list item tbh26-35352 ("Gunung Lawu bakal erupsi besar").
const HOAX_ITEM = 'tbh26-35352';

type Language = 'id' | 'en';

/** One petition site's fixture (tests/fixtures/<site>/petition.<language>.html), served as the real host. */
interface PetitionSite {
  name: string;
  route: string;
  fixture(language: Language): string;
  /** The page of the hoax or the ordinary petition, and the slug the fixture logs for it. */
  petition(which: 'hoax' | 'ordinary', language: Language): { url: string; slug: string };
  /** What the prompt shows of the ordinary petition, by `data-detail`, in that UI language. */
  ordinaryDetails: Record<Language, Record<string, string>>;
  copyLabel: Record<Language, string>;
}

const SITES: PetitionSite[] = [
  {
    name: 'change.org',
    route: 'https://www.change.org/p/**',
    fixture: (language) => `changeorg/petition.${language}.html`,
    petition: (which) => {
      const slug =
        which === 'hoax'
          ? 'evakuasi-warga-sekitar-gunung-lawu-sebelum-erupsi-besar'
          : 'perbaiki-trotoar-jalan-cempaka-untuk-pejalan-kaki';
      return { url: `https://www.change.org/p/${slug}`, slug };
    },
    ordinaryDetails: {
      id: {
        title: 'Perbaiki trotoar Jalan Cempaka untuk pejalan kaki dan pengguna kursi roda',
        starter: 'Rina Kusuma',
        created: '14 Agu 2026',
      },
      en: {
        title: 'Perbaiki trotoar Jalan Cempaka untuk pejalan kaki dan pengguna kursi roda',
        starter: 'Rina Kusuma',
        created: '14 Aug 2026',
      },
    },
    copyLabel: { id: 'Salin tautan', en: 'Copy link' },
  },
  {
    name: 'Avaaz',
    route: 'https://secure.avaaz.org/**',
    fixture: (language) => `avaaz/petition.${language}.html`,
    petition: (which, language) =>
      which === 'hoax'
        ? {
            url: `https://secure.avaaz.org/community_petitions/${language}/evakuasi_warga_lawu_sebelum_erupsi_besar/`,
            slug: 'evakuasi_warga_lawu_sebelum_erupsi_besar',
          }
        : {
            url: `https://secure.avaaz.org/campaign/${language}/lindungi_hutan_adat_papua/`,
            slug: 'lindungi_hutan_adat_papua',
          },
    // Avaaz's own campaign names no starter and no date: the prompt leaves them out.
    ordinaryDetails: { id: { title: 'Lindungi hutan adat Papua' }, en: { title: 'Lindungi hutan adat Papua' } },
    copyLabel: { id: 'Salin tautan', en: 'Copy link' },
  },
];

const REASON_WORDS: Record<Language, string> = {
  id: 'Sudah membaca petisinya sampai habis? Siapa pembuatnya, apa yang diminta, kapan dibuat?',
  en: 'Did you read the whole petition? Who started it, what does it ask for, and when was it made?',
};

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  await turnLabelsOff(browser);
  for (const site of SITES) await serveFixture(browser.context, site.route, site.fixture('id'));
});

afterAll(async () => {
  await browser?.close();
});

const prompt = (page: Page) => page.locator('saring-prompt [role="dialog"]');
const signButton = (page: Page) => page.locator('main form [type="submit"]');

async function setLanguage(language: Language): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await sendFromExtensionPage(page, 'set-settings', { language });
  await page.close();
}

async function open(site: PetitionSite, url: string, language: Language = 'id', width = 1280): Promise<Page> {
  const page = await browser.context.newPage();
  // The Indonesian fixture is the context's; another UI language is this page's own route.
  if (language !== 'id') await serveFixture(page, site.route, site.fixture(language));
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url);
  return page;
}

async function shownDetails(page: Page): Promise<Record<string, string>> {
  const rows = page.locator('saring-prompt [data-detail]');
  const details: Record<string, string> = {};
  for (const row of await rows.all())
    details[(await row.getAttribute('data-detail'))!] = (await row.locator('dd').textContent())!;
  return details;
}

describe.each(SITES)('$name', (site) => {
  it('asks before signing an ordinary petition, showing its title, starter and date; Share anyway signs once', async () => {
    await setLanguage('id');
    const { url, slug } = site.petition('ordinary', 'id');
    const page = await open(site, url);
    const errors = watchErrors(page);
    await signButton(page).click();
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('petition');
    expect(await page.locator('saring-prompt .reason').textContent()).toBe(REASON_WORDS.id);
    expect(await shownDetails(page)).toEqual(site.ordinaryDetails.id);
    await screenshot(page, `petition-${site.route.split('/')[2]}-id-1280`);
    await page.locator('saring-prompt [data-action="share"]').click();
    expect(await settledShareLog(page, 1)).toEqual([`sign:${slug}`]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Cancel signs nothing', async () => {
    const page = await open(site, site.petition('ordinary', 'id').url);
    await signButton(page).click();
    await prompt(page).waitFor();
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
    expect(await settledShareLog(page, 0)).toEqual([]);
    await page.close();
  });

  it('names the hoax a hoax petition repeats, with its details; after signing, its share step is guarded', async () => {
    const { url, slug } = site.petition('hoax', 'id');
    const page = await open(site, url);
    await signButton(page).click();
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('hoax-match');
    expect(await page.locator(`saring-prompt [data-match-id="${HOAX_ITEM}"]`).count()).toBe(1);
    expect(Object.keys(await shownDetails(page))).toEqual(['title', 'starter', 'created']);
    await screenshot(page, `petition-hoax-${site.route.split('/')[2]}-id`);
    await page.locator('saring-prompt [data-action="share"]').click();
    expect(await settledShareLog(page, 1)).toEqual([`sign:${slug}`]);

    // The share step: copying the petition's link is a share of a known hoax.
    await page.locator('[role="dialog"] button', { hasText: site.copyLabel.id }).click();
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('hoax-match');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
    expect(await settledShareLog(page, 1)).toEqual([`sign:${slug}`]);
    await page.locator('[role="dialog"] button', { hasText: site.copyLabel.id }).click();
    await prompt(page).waitFor();
    await page.locator('saring-prompt [data-action="share"]').click();
    expect(await settledShareLog(page, 2)).toEqual([`sign:${slug}`, `copy:${slug}`]);
    await page.close();
  });

  it('asks in English on the English UI, and fits a phone', async () => {
    await setLanguage('en');
    try {
      const { url, slug } = site.petition('ordinary', 'en');
      for (const width of [1280, 360]) {
        const page = await open(site, url, 'en', width);
        await signButton(page).click();
        await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('petition');
        expect(await page.locator('saring-prompt .reason').textContent()).toBe(REASON_WORDS.en);
        expect(await shownDetails(page)).toEqual(site.ordinaryDetails.en);
        await screenshot(page, `petition-${site.route.split('/')[2]}-en-${width}`);
        // The actions stay reachable on a phone-sized screen.
        await page.locator('saring-prompt [data-action="share"]').click();
        expect(await settledShareLog(page, 1)).toEqual([`sign:${slug}`]);
        await page.close();
      }
    } finally {
      await setLanguage('id');
    }
  });
});

describe('the petition prompt on a phone, Indonesian UI', () => {
  it('shows the details and the actions at 360 px', async () => {
    await setLanguage('id');
    const site = SITES[0]!;
    const page = await open(site, site.petition('ordinary', 'id').url, 'id', 360);
    await signButton(page).click();
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('petition');
    await screenshot(page, 'petition-www.change.org-id-360');
    const box = await page.locator('saring-prompt [data-action="share"]').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await page.close();
  });
});

describe('change.org with its key selectors renamed', () => {
  it('still asks before signing, by the generic fallback; options, already open, shows change.org degraded within 5 s', async () => {
    // The page's main part, the form's email field and the button's words all changed (the
    // fixture's simulated site is renamed with them, so it still signs): the adapter finds no sign
    // button, and the fallback (a form asking for an email, on a petition's path) does.
    const renamed = fixturePage('changeorg/petition.id.html')
      .replaceAll('<main>', '<div data-main>')
      .replaceAll('</main>', '</div>')
      .replace("querySelector('main')", "querySelector('[data-main]')")
      .replaceAll('name="email"', 'name="emailAddress"')
      .replaceAll('Tandatangani petisi ini</button>', 'Dukung sekarang</button>');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const row = options.locator('[data-site-id="changeorg"]');
    await row.waitFor();
    const { url } = SITES[0]!.petition('hoax', 'id');
    const page = await browser.context.newPage();
    await page.route(SITES[0]!.route, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: renamed }),
    );
    await page.goto(url);
    await page.locator('[data-main] form [type="submit"]').click();
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('hoax-match');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    expect(await settledShareLog(page, 0)).toEqual([]);

    // The options page is not reloaded: it keeps itself up to date. 5 s from the click, which comes
    // after the page settled.
    await expect.poll(() => row.getAttribute('data-site-health'), { timeout: 5_000 }).toBe('degraded');
    expect(await row.textContent()).toContain('fallback used');
    await page.close();
    await options.close();
  });
});

describe('the demo feed’s petition', () => {
  it('gets the petition reason and names who started it', async () => {
    await setLanguage('id');
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/demo.html`);
    await page.locator('[data-demo-post="bike-lane"] [data-demo-action="share"]').click({ timeout: 30_000 });
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('petition');
    expect(await shownDetails(page)).toEqual({ starter: 'Komunitas Gowes ke Sekolah' });
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('[data-demo-shared]').textContent()).toBe('0');
    await page.close();
  });
});
