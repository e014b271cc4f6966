import { parseArgs } from 'node:util';
import { ImageDecodeError } from '../../images/decode-node';
import { OCR_LANGUAGES, OcrEngine, OcrError, parseLanguages } from '../../ocr/ocr-node';
import { CliError, readSource, type Command } from '../io';

export const ocrCommand: Command = {
  summary: 'print the text in pictures (offline OCR, Indonesian and English)',
  usage: `saring-list ocr FILE... [--lang ind+eng] [--json]

Reads the text of each picture (JPEG, PNG or WebP) with tesseract.js and the bundled
Indonesian and English models, on this machine only. Prints each file's name, then its text;
--json prints [{"file": "...", "text": "...", "ms": N}, …] (ms: recognition time). All files
share one OCR engine, started once (a second or two). --lang picks the models: ${OCR_LANGUAGES.join(', ')} or
both joined with + (the default). A file that cannot be read is reported on stderr and the exit
code is 1; the others are still printed.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        lang: { type: 'string', default: OCR_LANGUAGES.join('+') },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) throw new CliError('ocr needs at least one FILE');
    let engine: OcrEngine;
    try {
      engine = await OcrEngine.start(parseLanguages(values.lang));
    } catch (error) {
      if (error instanceof OcrError) throw new CliError(error.message);
      throw error;
    }
    const results: Array<{ file: string; text: string; ms: number }> = [];
    let failed = 0;
    try {
      for (const file of positionals) {
        try {
          const { text, ms } = await engine.recognize(await readSource(file));
          results.push({ file, text, ms: Math.round(ms) });
          if (!values.json) io.out(`${file}:\n${text || '(no text found)'}\n`);
        } catch (error) {
          if (!(error instanceof ImageDecodeError || error instanceof CliError || error instanceof OcrError))
            throw error;
          io.err(`${error instanceof CliError ? '' : `${file}: `}${error.message}`);
          failed++;
          // A timed-out engine has been stopped: the remaining files cannot be read.
          if (error instanceof OcrError) break;
        }
      }
    } finally {
      await engine.close().catch(() => undefined);
    }
    if (values.json) io.out(JSON.stringify(results, null, 1));
    return failed ? 1 : 0;
  },
};
