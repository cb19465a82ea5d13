/**
 * The GitHub Classroom workflow: the course's own grader and tests grade, on a clean checkout of the
 * pinned release, with only each lab's file taken from the submission; no credentials are left in a
 * checkout; the workflow's token can only read and update the check run.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { classroomWorkflow, COMMIT_PLACEHOLDER } from '../../src/dev/build-classroom';

interface Step {
  name: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  'working-directory'?: string;
}
const labs = ['littles-law', 'queue-models'];
const workflow = parse(classroomWorkflow(labs, 'a'.repeat(64), { repository: 'school/queues-and-caches', commit: 'b'.repeat(40) })) as {
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: { 'run-autograding-tests': { steps: Step[] } };
};
const steps = workflow.jobs['run-autograding-tests'].steps;
const step = (name: string) => steps.find((s) => s.name === name)!;

describe('the Classroom workflow', () => {
  it('asks for no more than reading and the check run', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', checks: 'write', actions: 'read' });
  });

  it('checks out the pinned course release and the submission in separate folders, keeping no credentials', () => {
    expect(workflow.env).toMatchObject({ COURSE_REPOSITORY: 'school/queues-and-caches', COURSE_COMMIT: 'b'.repeat(40), QC_MANIFEST_SHA256: 'a'.repeat(64) });
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout'));
    expect(checkouts.map((s) => s.with)).toEqual([
      { repository: '${{ env.COURSE_REPOSITORY }}', ref: '${{ env.COURSE_COMMIT }}', path: 'course', 'persist-credentials': false },
      { path: 'submission', 'persist-credentials': false },
    ]);
  });

  it('takes only labs/<id>/<id>.ts from the submission (not a symlink), and grades in the course folder', () => {
    const copy = step('Take only the lab files from the submission').run!.trim().split('\n');
    expect(copy).toHaveLength(labs.length);
    for (const [i, id] of labs.entries()) {
      const file = join('labs', id, `${id}.ts`);
      expect(copy[i]).toBe(`if [ -f "submission/${file}" ] && [ ! -L "submission/${file}" ]; then cp "submission/${file}" "course/${file}"; else rm -f "course/${file}"; fi`);
    }
    expect(step('Install the course\'s exact dependencies')['working-directory']).toBe('course');
    expect(step('Grade every lab')).toMatchObject({ 'working-directory': 'course', run: 'npm run grade -- --classroom --junit ../reports/junit.xml' });
    expect(steps.map((s) => s.name).indexOf('Take only the lab files from the submission')).toBeLessThan(steps.map((s) => s.name).indexOf('Grade every lab'));
  });

  it('refuses to run until the release is pinned', () => {
    const unpinned = parse(classroomWorkflow(labs, 'a'.repeat(64))) as typeof workflow;
    expect(unpinned.env.COURSE_COMMIT).toBe(COMMIT_PLACEHOLDER);
    expect(unpinned.jobs['run-autograding-tests'].steps[0]!.run).toContain('exit 1');
  });
});
