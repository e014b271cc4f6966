import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);

interface LintReport {
  count: number;
  summary: { errors: number; warnings: number; notices: number };
  errors: { code: string; message: string; file?: string }[];
  warnings: { code: string; message: string; file?: string }[];
}

describe('Firefox build', () => {
  it('builds and passes web-ext lint with no errors', () => {
    execFileSync(bin('wxt'), ['build', '-b', 'firefox'], { cwd: root, stdio: 'pipe' });
    let output: string;
    try {
      output = execFileSync(
        bin('web-ext'),
        ['lint', '--source-dir', '.output/firefox-mv2', '--output', 'json', '--self-hosted', '--no-config-discovery'],
        { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (error) {
      // web-ext exits non-zero when it finds errors; the JSON report is still on stdout.
      output = String((error as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(output.slice(output.indexOf('{'))) as LintReport;
    const errors = report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`);
    expect(errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);
});

describe('permissions in the packages', () => {
  const manifest = (dir: string) =>
    JSON.parse(readFileSync(resolve(root, '.output', dir, 'manifest.json'), 'utf8')) as Record<string, string[]>;
  const LIST_HOSTS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

  // After the Firefox build above; the Chrome build is npm test's own.
  it.each([
    ['chrome-mv3', 'host_permissions', 'optional_host_permissions'],
    ['firefox-mv2', 'permissions', 'optional_permissions'],
  ])(
    '%s: no list host, and no host on this machine, at install; asked for when a list needs them',
    (dir, granted, optional) => {
      const installed = manifest(dir)[granted]!;
      expect(installed.filter((entry) => /localhost|127\.0\.0\.1|^https:\/\/\*\//.test(entry))).toEqual([]);
      expect(manifest(dir)[optional]).toEqual(LIST_HOSTS);
    },
  );

  it.each(['chrome-mv3', 'firefox-mv2'])(
    '%s: OCR ships inside the package, with its notices; the CSP gains only WebAssembly, nothing remote',
    (dir) => {
      const { content_security_policy: csp, permissions } = manifest(dir) as unknown as {
        content_security_policy: string | { extension_pages: string };
        permissions: string[];
      };
      const policy = typeof csp === 'string' ? csp : csp.extension_pages;
      expect(policy).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
      // Chrome hosts OCR in an offscreen document; Firefox's background page starts the worker itself.
      expect(permissions.includes('offscreen')).toBe(dir === 'chrome-mv3');
      expect(existsSync(resolve(root, '.output', dir, 'offscreen.html'))).toBe(dir === 'chrome-mv3');
      for (const file of [
        'ocr/worker.min.js',
        'ocr/tesseract-core-simd-lstm.js',
        'ocr/tesseract-core-simd-lstm.wasm',
        'ocr/ind.traineddata.gz',
        'ocr/eng.traineddata.gz',
        'THIRD-PARTY-NOTICES.txt',
      ])
        expect(existsSync(resolve(root, '.output', dir, file)), file).toBe(true);
      expect(readFileSync(resolve(root, '.output', dir, 'THIRD-PARTY-NOTICES.txt'), 'utf8')).toMatch(/Leptonica/);
    },
  );
});
