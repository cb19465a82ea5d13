/**
 * The instructor's pages, rendered on the server from the room's view (room.ts): the sign-in page and
 * the dashboard. The live part (`#room`) is the same markup the server then pushes as the room changes
 * (server-sent events, public/dashboard.js), so the page reads fully without JavaScript and a reload
 * shows exactly what the live page shows.
 */
import { hintText, html, type SafeHtml } from './html';
import type { Cell, RoomView, StudentRow } from './room';

export interface PageContext {
  /** The command students run to submit, with this room's address and join code. */
  joinCommand: string;
  /** When the view was made (shown, and used for "last report … ago"). */
  now: Date;
}

const time = (iso: string): string => new Date(iso).toLocaleTimeString('en-GB', { hour12: false });

function layout(title: string, body: SafeHtml, { script = false } = {}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dashboard.css">
${script ? html`<script type="module" src="/dashboard.js"></script>` : ''}
</head>
<body>
${body}
</body>
</html>
`.value;
}

/** The sign-in page, shown (with HTTP 401) to anyone without the instructor's secret. */
export function signInPage(error?: string): string {
  return layout(
    'Sign in · Classroom dashboard',
    html`<main class="narrow">
<h1>Classroom dashboard</h1>
<p>This page is for the instructor. <strong>Students</strong> do not need it: you submit from your
terminal with <code>npm run grade -- --submit &lt;this address&gt; --code &lt;join code&gt; --name "Your name"</code>.</p>
<form method="post" action="/login">
<label for="secret">Instructor secret</label>
<input id="secret" name="secret" type="password" autocomplete="current-password" required${error ? html` aria-invalid="true" aria-describedby="secret-error"` : ''}>
${error ? html`<p id="secret-error" class="error">${error}</p>` : ''}
<button type="submit">Open the dashboard</button>
</form>
<p class="muted">The secret was printed in the terminal where <code>npm run classroom</code> started.</p>
</main>`,
  );
}

const STATE_TEXT: Record<Cell['state'], string> = {
  none: 'no report yet',
  invalid: 'not valid, no points',
  'not-started': 'not started',
  'cannot-grade': 'cannot be graded',
  partial: 'in progress',
  done: 'full marks',
};

function cell(c: Cell): SafeHtml {
  if (c.state === 'none') return html`<td class="cell none"><span aria-hidden="true">–</span><span class="visually-hidden">${STATE_TEXT.none}</span></td>`;
  // An invalid result shows no points at all, only that it is invalid and why.
  if (c.state === 'invalid') return html`<td class="cell invalid" title="${c.invalid ?? ''}">invalid<span class="visually-hidden">: ${STATE_TEXT.invalid} (${c.invalid ?? ''})</span></td>`;
  const label = c.state === 'cannot-grade' ? 'cannot grade' : `${c.score}/${c.max}`;
  return html`<td class="cell ${c.state}"${c.diagnosis ? html` title="${c.diagnosis}"` : ''}>${label}<span class="visually-hidden">, ${STATE_TEXT[c.state]}</span></td>`;
}

/** Flags after a student's name: an invalid run (latest or earlier) and how the grading files were found. */
function studentFlags(s: StudentRow): SafeHtml {
  const runs = s.invalidReports === 1 ? '1 invalid run' : `${s.invalidReports} invalid runs`;
  return html`${s.invalidReports ? html` <span class="flag">${s.valid ? runs : `latest run invalid${s.invalidReports > 1 ? ` (${runs})` : ''}`}</span>` : ''}${
    s.integrity === 'modified' ? html` <span class="flag">tests changed</span>` : s.integrity === 'unverified' ? html` <span class="flag muted-flag" title="graded without the course's manifest">unverified</span>` : ''
  }`;
}

/** The live part of the dashboard: what the room fails most, each lab, each student. */
export function roomSection(view: RoomView): SafeHtml {
  const { students, labs, struggles } = view;
  const next = struggles.length
    ? html`<ol class="struggles">${struggles.map(
        (s) => html`<li><p><strong>${s.lab}</strong> › ${s.test}</p>
<p class="muted">${s.failing} of ${s.of} ${s.of === 1 ? 'student' : 'students'} who submitted this lab fail it.${s.question ? html` Ask: <em>${hintText(s.question)}</em>` : ''}${s.section ? html` Lesson section: <code>${s.section}</code>` : ''}</p></li>`,
      )}</ol>`
    : html`<p>No test is failing for a student who has started its lab${students.length ? '' : ' (no reports yet)'}.</p>`;
  return html`<section aria-labelledby="next-heading">
<h2 id="next-heading">What the room fails most</h2>
${next}
</section>
<section aria-labelledby="labs-heading">
<h2 id="labs-heading">Labs</h2>
<div class="scroll" tabindex="0" role="region" aria-labelledby="labs-heading">
<table>
<thead><tr><th scope="col">Lab</th><th scope="col">Submitted</th><th scope="col">Started</th><th scope="col">Full marks</th><th scope="col">Cannot be graded</th><th scope="col">Invalid</th></tr></thead>
<tbody>${labs.map(
    (lab) =>
      html`<tr data-lab="${lab.id}"><th scope="row">${lab.title} <span class="muted">(${lab.id}, ${lab.max} points)</span></th><td>${lab.submitted}</td><td>${lab.started}</td><td>${lab.finished}</td><td>${lab.cannotGrade}</td><td>${lab.invalid}</td></tr>`,
  )}</tbody>
</table>
</div>
</section>
<section aria-labelledby="students-heading">
<h2 id="students-heading">Students (${students.length})</h2>
${
  students.length
    ? html`<div class="scroll" tabindex="0" role="region" aria-labelledby="students-heading">
<table class="students">
<thead><tr><th scope="col">Name</th>${labs.map((lab) => html`<th scope="col" title="${lab.title}">${lab.id}</th>`)}<th scope="col">Total</th><th scope="col">Last report</th></tr></thead>
<tbody>${students.map(
        (s) =>
          html`<tr data-student="${s.name}"><th scope="row">${s.name}${studentFlags(s)}</th>${s.cells.map(cell)}<td>${s.score}/${s.max}</td><td>${time(s.lastSeen)}</td></tr>`,
      )}</tbody>
</table>
</div>`
    : html`<p>No student has submitted yet. Students join with the command at the top of this page.</p>`
}
</section>`;
}

/** A one-line summary for screen readers and the page's status line. */
export function summaryLine(view: RoomView): string {
  const n = view.students.length;
  return `${n} ${n === 1 ? 'student' : 'students'}, ${view.reports} ${view.reports === 1 ? 'report' : 'reports'}`;
}

/** The dashboard: how students join, the live room, and the gradebook link. */
export function dashboardPage(view: RoomView, context: PageContext): string {
  return layout(
    'Classroom dashboard · Queues & Caches',
    html`<header>
<h1>Classroom dashboard</h1>
<p>Students submit their grades with:</p>
<pre><code>${context.joinCommand}</code></pre>
<p><a href="/gradebook.csv" download="gradebook.csv">Download the gradebook (CSV)</a></p>
<p class="status"><span id="summary" role="status">${summaryLine(view)}</span> · <span id="connection">as of ${time(context.now.toISOString())}; reload for news (live updates need JavaScript)</span></p>
</header>
<main id="room">
${roomSection(view)}
</main>`,
    { script: true },
  );
}
