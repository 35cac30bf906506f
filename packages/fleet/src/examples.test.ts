import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readAcceptFile } from './accept.ts';
import { readFleetFile } from './fleet-file.ts';

/**
 * The example fleet file, accept file and CI matrix workflows the co-op copies: the workflows
 * read by GitHub's own parser (@actions/workflow-parser, which Forgejo's syntax follows), each
 * shard job checking its `i/n` of the fleet and a last job merging them.
 */

// @actions/workflow-parser imports its JSON schema without `with { type: 'json' }`, which Node
// refuses outside a bundler: give that import its attribute.
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    return result.url.includes('/@actions/workflow-parser/') && result.url.endsWith('.json') ? { ...result, importAttributes: { type: 'json' } } : result;
  },
});
const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import('@actions/workflow-parser');

const EXAMPLES = join(import.meta.dirname, '../examples');
const read = (file: string) => readFileSync(join(EXAMPLES, file), 'utf8');

async function workflowProblems(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const problems = parsed.context.errors.getErrors().map((error) => error.message);
  if (problems.length || !parsed.value) return problems;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((error) => error.Message);
}

const WORKFLOWS = ['github-fleet-check.yml', 'forgejo-fleet-check.yml'];

describe.each(WORKFLOWS)('examples/%s', (file) => {
  test('is valid for GitHub’s workflow parser', async () => {
    expect(await workflowProblems(file, read(file))).toEqual([]);
  });

  test('checks one shard per matrix entry, every shard once, then merges them all even when one failed', () => {
    const { jobs } = parse(read(file));
    const shards: number[] = jobs.shard.strategy.matrix.shard;
    const check = jobs.shard.steps.find((step: { run?: string }) => step.run?.includes('openoutreach-fleet check'));
    const count = Number(/--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(check.run)?.[1]);
    expect(shards).toEqual(Array.from({ length: count }, (_, index) => index + 1));
    expect(jobs.shard.strategy['fail-fast']).toBe(false);
    expect(jobs.report.needs).toBe('shard');
    expect(jobs.report.if).toBe('always()');
    const upload = jobs.shard.steps.find((step: { uses?: string }) => step.uses?.includes('upload-artifact'));
    expect(upload.if).toBe('always()');
    const merge = jobs.report.steps.find((step: { run?: string }) => step.run?.includes('openoutreach-fleet merge'));
    expect(merge.run).toContain('--out fleet-report');
  });
});

test('the parser finds a mistake', async () => {
  const broken = read('github-fleet-check.yml').replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    run-on: ubuntu-latest');
  expect((await workflowProblems('broken.yml', broken)).join('\n')).toContain("Unexpected value 'run-on'");
});

test('the example fleet file and accept file are valid', () => {
  expect(readFleetFile(join(EXAMPLES, 'fleet.yaml')).sites.map((site) => site.name)).toEqual(['riverside-tenants', 'eastside-garden']);
  expect(readAcceptFile(join(EXAMPLES, 'fleet-accept.yaml'))).toHaveLength(2);
});
