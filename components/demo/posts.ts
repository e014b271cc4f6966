import type { MessageKey } from '../../lib/i18n';

export type DemoKind = 'hoax' | 'true' | 'satire' | 'scam' | 'petition';

export interface DemoPost {
  id: string;
  kind: DemoKind;
  author: string;
  handle: string;
  /** A real circulating text (kept verbatim so the matcher meets it as it spread), or a UI string. */
  text: { verbatim: string } | { key: MessageKey };
  link?: { url: string; host: string; title: MessageKey };
}

/**
 * The simulated feed. Authors and handles are invented. The hoax repeats the post text of
 * TurnBackHoax's check tbh26-35352 ("Gunung Lawu bakal erupsi besar"), in the starter list.
 */
export const DEMO_POSTS: readonly DemoPost[] = [
  {
    id: 'lawu-eruption',
    kind: 'hoax',
    author: 'Waspada Bencana Jateng',
    handle: '@waspada.bencana',
    text: {
      verbatim:
        'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik , (chamber ada yg mulai penuh ) ada tekanan dari jalur Bojonegoro (maka bojonegoro salah satu kota yg tinggi tekanan lempeng, erupsi diperkirakan sangat besar, ya waspada sekitar gn lawu.',
    },
  },
  {
    id: 'chilli-harvest',
    kind: 'true',
    author: 'Bu Ratna',
    handle: '@ratna.berkebun',
    text: { key: 'demoPostBenign' },
  },
  {
    id: 'school-holiday',
    kind: 'true',
    author: 'Grup Wali Murid 5B',
    handle: '@walimurid5b',
    text: { key: 'demoPostLink' },
    link: {
      url: 'https://www.kompas.com/edu/read/2026/06/20/09000071/kalender-libur-sekolah-semester-genap',
      host: 'kompas.com',
      title: 'demoPostLinkTitle',
    },
  },
  {
    id: 'bike-lane-petition',
    kind: 'petition',
    author: 'Komunitas Sepeda Sekolah',
    handle: '@gowes.kesekolah',
    text: { key: 'demoPostPetition' },
  },
  {
    id: 'office-cat',
    kind: 'satire',
    author: 'Berita Ngawur',
    handle: '@beritangawur',
    text: { key: 'demoPostSatire' },
  },
  {
    id: 'cash-grant',
    kind: 'scam',
    author: 'Info Bansos Terbaru',
    handle: '@infobansos.resmi2026',
    text: { key: 'demoPostScam' },
    link: { url: 'https://bantuan-tunai.example/daftar', host: 'bantuan-tunai.example', title: 'demoPostScamLinkTitle' },
  },
];
