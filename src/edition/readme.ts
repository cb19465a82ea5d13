/**
 * The student edition's README, written from the course's metadata (the labs, in course order, with
 * their lessons) and the edition's own scripts.
 */
import type { Lab } from '../labs/catalog';
import { maxPoints } from '../labs/schema';

export function studentReadme(labs: Lab[], options: { node: string; scripts: string[] }): string {
  const hint = options.scripts.includes('hint') ? '\nnpm run hint <lab-id>                 # the next step of the hint for that lab' : '';
  const rows = labs.map((lab) => `| \`${lab.id}\` | ${lab.title} | ${lab.tests.length} | ${maxPoints(lab)} | http://127.0.0.1:4321/${lab.lesson}/ |`);
  return `# Queues & Caches — student edition

Welcome. This folder is everything you need to follow the course and do its labs on your own laptop:
the course's website, your lab files, the tests that grade them, and the grader. It has no answers in
it — the labs are yours to write.

## Set up (once)

You need [Node.js](https://nodejs.org/) **${options.node.replace(/^>=\s*/, '')} or newer** and npm. In this folder:

\`\`\`sh
npm ci        # installs the exact versions the course was tested with (about a minute)
npm start     # serves the course at http://127.0.0.1:4321/ — open it in your browser
\`\`\`

\`npm start -- --port 8080\` picks another port. Everything works offline once \`npm ci\` has finished.

## Doing a lab

Each lesson ends with its lab. Your file is \`labs/<lab-id>/<lab-id>.ts\`: it has the exported
functions' signatures and doc comments, and bodies that throw \`not implemented\`. Fill them in, then
grade your work on your own machine:

\`\`\`sh
npm run grade                          # grade every lab
npm run grade littles-law              # grade one lab (several ids work too)
npm run grade -- --watch               # regrade the lab you are editing each time you save
npm run grade -- --hint littles-law    # open the next step of the hint for the next test to fix${hint}
npx vitest labs/littles-law            # run that lab's tests directly
\`\`\`

The grader prints your points for each lab, each test as passed (✓), failed (✗), timed out (⏱) or
unable to run (!), the next test to fix with what it expected and what it got, and a hint. Hints come
in three steps — a question, the idea, then the lesson section to read.

| Lab | Title | Tests | Points | Its lesson |
|---|---|---|---|---|
${rows.join('\n')}

Please do not edit the tests (\`labs/<id>/<id>.test.ts\`), \`lab.json\`, or anything in \`src/\`: the
grader checks them against the course's manifest and tells you plainly when a file was changed — your
score is then not valid. If you did, \`npm run grade\` names the files to restore.

## In a live workshop

Your instructor may run a classroom dashboard and give you its address and a join code. Then add
\`--submit\` when you grade, and the room's progress shows on the instructor's screen:

\`\`\`sh
npm run grade -- --submit http://192.168.1.20:4800 --code K7QF-M2XD --name "Your Name"
\`\`\`

Only your grade report is sent — your points and the tests' names and messages — never your code.
If the network is down, the report is kept in \`.qc/\` on your laptop and sent with your next
\`--submit\`. Use the same name all day, from the same laptop.
`;
}
