/**
 * What OCR is the same everywhere, in Node (the CLI) and in the browser (the extension): the
 * languages, Tesseract's settings, our own time limits, the error and how several readings of one
 * picture are merged. Nothing here loads tesseract.js.
 */

export const OCR_LANGUAGES = ['ind', 'eng'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

export const OCR_TIMEOUTS = {
  /** Loading the wasm core and the models: about 1–2 s here; 30 s means something is missing. */
  startMs: 30_000,
  /** One picture (all passes). */
  recognizeMs: 60_000,
} as const;

/**
 * Tesseract's settings for every reading. Sparse text (page mode 11) finds the scattered blocks of
 * posters (measured on tests/eval/images); a fixed resolution keeps it from guessing one per picture.
 */
export const OCR_PARAMETERS = {
  tessedit_pageseg_mode: '11',
  user_defined_dpi: '300',
} as const;

/**
 * A picture none of whose readings Tesseract is at least this sure of (its mean word confidence,
 * 0–100) is read once more, its grey reading as one block of text (page mode 6). Sparse-text mode
 * breaks the lines of text laid straight on a busy background into fragments, and its confidence
 * says so: measured on busy and gradient posters drawn for the tuning half's claims
 * (tests/eval/images/tune-ocr.ts), such pictures read under 80 and clean ones 84–95; busy word
 * recall 0.68 → 0.78 there. Clean pictures pay nothing; a busy one a third reading.
 */
export const OCR_UNSURE_CONFIDENCE = 80;
export const OCR_BLOCK_PAGE_MODE = '6';

/** Pictures are upscaled so their shorter side is at least this many pixels (prepare-node.ts says why). */
export const OCR_MIN_SIDE = 1400;

/** OCR could not start or finish, in words for the person (or the log) reading it. */
export class OcrError extends Error {
  override name = 'OcrError';
}

/**
 * Resolves like `promise`, or rejects with OcrError(message) after `ms` and runs `onTimeout`:
 * tesseract.js waits for ever when its worker, core or a model cannot be loaded.
 */
export async function within<T>(
  promise: Promise<T>,
  ms: number,
  message: string,
  onTimeout: () => unknown = () => undefined,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void Promise.resolve()
        .then(onTimeout)
        .catch(() => undefined);
      reject(new OcrError(message));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Parses "ind+eng" (the CLI's --lang). */
export function parseLanguages(value: string): OcrLanguage[] {
  const languages = value.split('+').map((part) => part.trim());
  const unknown = languages.filter((language) => !(OCR_LANGUAGES as readonly string[]).includes(language));
  if (!languages.length || unknown.length)
    throw new OcrError(`unknown OCR language ${JSON.stringify(unknown[0] ?? value)}: use ind, eng or ind+eng`);
  return [...new Set(languages)] as OcrLanguage[];
}

/** The lines of several readings of one picture, each line once, in the order first seen. */
export function mergeTexts(texts: readonly string[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const text of texts) {
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\s+/g, ' ').trim();
      const key = line.toLowerCase();
      if (line.length < 2 || seen.has(key)) continue;
      seen.add(key);
      lines.push(line);
    }
  }
  return lines.join('\n');
}
