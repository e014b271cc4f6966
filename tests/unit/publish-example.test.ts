import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { harvestCommand } from '../../lib/cli/commands/harvest';
import { parseSources } from '../../lib/harvest/sources';

/** The publishing guide's files: the GitHub Actions workflow and SOURCES.json, as the README shows them. */

const example = (name: string) => readFileSync(new URL(`../fixtures/publish-example/${name}`, import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const workflowText = example('saring-harvest.yml');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}

const workflow = parse(workflowText) as {
  on: { schedule: { cron: string }[]; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: { harvest: { steps: Step[] } };
};

/** The options a saring-list command line uses (`--out`, `--sign` …). */
const optionsOf = (line: string) => [...line.matchAll(/\s(--[a-z-]+)/g)].map((match) => match[1]!);

describe('the publishing guide', () => {
  it('shows the workflow file exactly as the copy in tests/fixtures/publish-example', () => {
    expect(readme).toContain(`\`\`\`yaml\n${workflowText.trimEnd()}\n\`\`\``);
  });

  it('the workflow runs on a schedule and by hand, may push, and harvests with options the tool has', () => {
    const [schedule] = workflow.on.schedule;
    expect(schedule!.cron.split(' ')).toHaveLength(5);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions.contents).toBe('write');
    const steps = workflow.jobs.harvest.steps;
    const harvest = steps.find((step) => step.run?.includes(' harvest '))!;
    expect(harvest.env?.SARING_SIGNING_KEY).toBe('${{ secrets.SARING_SIGNING_KEY }}');
    const line = harvest.run!.split('\n').find((text) => text.includes('bin.mjs harvest'))!;
    expect(line).toContain('harvest SOURCES.json --out site --sign "$RUNNER_TEMP/saring.key"');
    for (const option of optionsOf(line)) expect(harvestCommand.usage).toContain(option);
    // The tool is installed the way the README's cron example says, without dev dependencies.
    expect(steps.find((step) => step.name === "Saring's list tool")!.run).toContain(
      'npm ci --prefix saring --omit=dev --ignore-scripts',
    );
    // Publishing: only when more than the report changed, onto the branch Pages serves.
    const publish = steps.find((step) => step.run?.includes('git push'))!.run!;
    expect(publish).toContain("git diff --cached --quiet -- . ':!harvest-report.md'");
    expect(publish).toContain('git push origin HEAD:refs/heads/gh-pages');
    expect(steps.some((step) => step.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
  });

  it('the cron example harvests with options the tool has', () => {
    const cron = readme.split('\n').find((text) => text.startsWith('17 */6 * * * '))!;
    expect(cron).toContain('bin.mjs harvest SOURCES.json --out site --sign');
    for (const option of optionsOf(cron.split(';')[0]!)) expect(harvestCommand.usage).toContain(option);
  });

  it('the example SOURCES.json is one the harvester accepts', () => {
    const sources = parseSources(example('SOURCES.json'));
    expect(sources.sources.map((source) => source.type)).toEqual(['feed', 'sitemap', 'wordpress']);
    expect(sources.list.publisher.url).toMatch(/^https:\/\//);
  });
});
