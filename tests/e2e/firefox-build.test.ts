import { execFileSync } from 'node:child_process';
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
