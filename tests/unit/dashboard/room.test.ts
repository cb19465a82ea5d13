import { describe, expect, it } from 'vitest';
import { gradebookCsv } from '../../../src/dashboard/gradebook';
import { escapeHtml, hintText, html } from '../../../src/dashboard/html';
import { dashboardPage, roomSection } from '../../../src/dashboard/page';
import { Room } from '../../../src/dashboard/room';
import { labs, report } from './fixtures';

describe('Room', () => {
  it("keeps each student's latest result per lab, by when it was graded, not when it arrived", () => {
    const room = new Room(labs);
    room.add('Ana', report({ alpha: 'pp' }, '2026-11-30T10:05:00.000Z'), '2026-11-30T10:05:01.000Z');
    // Graded earlier, kept on the laptop while the network was down, delivered later: it must not win.
    room.add('Ana', report({ alpha: 'fn' }, '2026-11-30T10:01:00.000Z'), '2026-11-30T10:06:00.000Z');
    const [ana] = room.view().students;
    expect(ana!.cells.map((c) => [c.lab, c.state, c.score, c.max])).toEqual([
      ['alpha', 'done', 3, 3],
      ['beta', 'none', 0, 3],
    ]);
    expect(ana!.reports).toBe(2);
    expect(ana!.lastSeen).toBe('2026-11-30T10:06:00.000Z');
  });

  it('tells not started, in progress, full marks and cannot be graded apart', () => {
    const room = new Room(labs);
    room.add('Ana', report({ alpha: 'nn', beta: 'p' }), '2026-11-30T10:00:00.000Z');
    room.add('Ben', report({ alpha: 'pf', beta: { diagnosis: 'labs/beta/beta.ts:2:1: Expression expected (TS1109)' } }), '2026-11-30T10:00:00.000Z');
    const states = room.view().students.map((s) => [s.name, s.cells.map((c) => c.state)]);
    expect(states).toEqual([
      ['Ana', ['not-started', 'done']],
      ['Ben', ['partial', 'cannot-grade']],
    ]);
  });

  it('lists the tests most students fail, leaving out students who have not started the lab', () => {
    const room = new Room(labs);
    room.add('Ana', report({ alpha: 'pf' }), '2026-11-30T10:00:00.000Z');
    room.add('Ben', report({ alpha: 'pf' }), '2026-11-30T10:00:00.000Z');
    room.add('Cy', report({ alpha: 'ff', beta: 'f' }), '2026-11-30T10:00:00.000Z');
    room.add('Di', report({ alpha: 'nn' }), '2026-11-30T10:00:00.000Z');
    const { struggles, labs: summary } = room.view();
    expect(struggles.map((s) => [s.lab, s.test, s.failing, s.of])).toEqual([
      ['alpha', 'a > two', 3, 4],
      // As many students, but all of those who submitted beta: it comes first.
      ['beta', 'b > only', 1, 1],
      ['alpha', 'a > one', 1, 4],
    ]);
    expect(struggles[0]).toMatchObject({ question: 'What is two?', section: 'module-1/alpha#two' });
    expect(summary.map((l) => [l.id, l.submitted, l.started, l.finished])).toEqual([
      ['alpha', 4, 2, 0],
      ['beta', 1, 0, 0],
    ]);
  });

  it('shows a run with changed grading files as invalid, with no points and none of its failures counted', () => {
    const room = new Room(labs);
    room.add('Ana', report({ alpha: 'pp', beta: 'f' }, '2026-11-30T10:00:00.000Z', 'modified'), '2026-11-30T10:00:01.000Z');
    const { students, labs: summary, struggles } = room.view();
    expect(students[0]!.cells.map((c) => [c.state, c.score])).toEqual([
      ['invalid', 0],
      ['invalid', 0],
    ]);
    expect(students[0]!.cells[0]!.invalid).toMatch(/grading files were changed \(labs\/alpha\/alpha\.test\.ts\)/);
    expect(students[0]).toMatchObject({ score: 0, valid: false, invalidReports: 1 });
    expect(summary.map((l) => [l.id, l.invalid, l.finished, l.started])).toEqual([
      ['alpha', 1, 0, 0],
      ['beta', 1, 0, 0],
    ]);
    expect(struggles).toEqual([]);
  });

  it("marks only the lab whose code tried a shortcut invalid, and never counts the points its report claims", () => {
    const room = new Room(labs);
    const forged = report({ alpha: { shortcut: 'labs/alpha/alpha.ts imports node:fs, which labs may not use' }, beta: 'p' });
    // A report edited to claim the points anyway: the dashboard goes by the lab's verdict, not its score.
    forged.labs[0]!.score = 3;
    forged.score = 6;
    room.add('Ana', forged, '2026-11-30T10:00:00.000Z');
    const [ana] = room.view().students;
    expect(ana!.cells.map((c) => [c.lab, c.state, c.score])).toEqual([
      ['alpha', 'invalid', 0],
      ['beta', 'done', 3],
    ]);
    expect(ana!.cells[0]!.invalid).toContain('imports node:fs');
    expect(ana).toMatchObject({ score: 3, valid: false, invalidReports: 1 });
  });

  it('lets a later valid run replace an invalid result, and still counts the invalid run', () => {
    const room = new Room(labs);
    room.add('Ana', report({ alpha: 'pp' }, '2026-11-30T10:00:00.000Z', 'modified'), '2026-11-30T10:00:01.000Z');
    room.add('Ana', report({ alpha: 'pf' }, '2026-11-30T10:05:00.000Z'), '2026-11-30T10:05:01.000Z');
    const [ana] = room.view().students;
    expect(ana!.cells[0]).toMatchObject({ state: 'partial', score: 1 });
    expect(ana).toMatchObject({ valid: true, invalidReports: 1 });
  });

  it('treats names that differ only in case or spacing as one student', () => {
    const room = new Room(labs);
    room.add('Ana Silva', report({ alpha: 'pp' }), '2026-11-30T10:00:00.000Z');
    room.add('ana  silva', report({ beta: 'p' }), '2026-11-30T10:01:00.000Z');
    expect(room.view().students).toHaveLength(1);
  });
});

describe('pages and gradebook', () => {
  const hostile = '<img src=x onerror="alert(1)">&\'';

  it('escapes every value put into a template, and only those', () => {
    expect(html`<p title="${hostile}">${hostile}</p>`.value).toBe(`<p title="${escapeHtml(hostile)}">${escapeHtml(hostile)}</p>`);
    expect(html`<ul>${['<a>', html`<li>ok</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
    expect(hintText('What does `a < b` give? <b>').value).toBe('What does <code>a &lt; b</code> give? &lt;b&gt;');
  });

  it("shows a student's chosen name as text, never as markup", () => {
    const room = new Room(labs);
    room.add(hostile, report({ alpha: 'pf' }), '2026-11-30T10:00:00.000Z');
    const page = dashboardPage(room.view(), { joinCommand: 'npm run grade -- --submit x', now: new Date('2026-11-30T10:00:00.000Z') });
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;');
    expect(roomSection(room.view()).value).not.toContain('onerror="');
  });

  it('shows an invalid result as invalid, with its reason and without points', () => {
    const room = new Room(labs);
    room.add('Ana', report({ alpha: 'pp', beta: 'p' }, '2026-11-30T10:00:00.000Z', 'modified'), '2026-11-30T10:00:00.000Z');
    const section = roomSection(room.view()).value;
    const row = /<tr data-student="Ana">.*?<\/tr>/s.exec(section)![0];
    expect(row).toContain('latest run invalid');
    expect(row).toMatch(/<td class="cell invalid" title="the grading files were changed \(labs\/alpha\/alpha\.test\.ts\)">invalid/);
    expect(row).not.toMatch(/\b3\/3\b/);
    expect(row).toContain('<td>0/6</td>');
  });

  it('exports the gradebook as CSV, quoting what needs it and defusing names a spreadsheet would run as formulas', () => {
    const room = new Room(labs);
    room.add('=HYPERLINK("http://x")', report({ alpha: 'pp' }), '2026-11-30T10:00:00.000Z');
    room.add('Lee, Ann', report({ alpha: 'pf', beta: 'p' }, '2026-11-30T10:00:00.000Z', 'modified'), '2026-11-30T10:02:00.000Z');
    expect(gradebookCsv(room.view()).split('\r\n')).toEqual([
      'name,alpha,beta,total,max,last_report,integrity,valid,invalid_reports,reports',
      '"\'=HYPERLINK(""http://x"")",3,,3,6,2026-11-30T10:00:00.000Z,intact,yes,0,1',
      // Changed grading files: the run's labs are invalid and count nothing.
      '"Lee, Ann",invalid,invalid,0,6,2026-11-30T10:02:00.000Z,modified,no,1,1',
      '',
    ]);
  });
});
