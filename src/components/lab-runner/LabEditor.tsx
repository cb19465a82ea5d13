/**
 * The lab editor on a lesson page (issue 15): the student's code in prism-code-editor (a real textarea
 * underneath, labelled), Reset, Download and Run tests. Run grades the code in a module Web Worker with
 * the lab's own tests and the grader's scoring rules (src/labs/browser/controller.ts); results go to a
 * live region ("N of M points") with each test's verdict, message and stepped hints. After the first
 * run, a type-check worker loads (TypeScript, about 1 MB gz) and adds the grader's type-check verdict.
 * The page's score is practice: `npm run grade` is the grade of record.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { createEditor, type PrismEditor } from 'prism-code-editor';
import 'prism-code-editor/prism/languages/typescript';
import 'prism-code-editor/layout.css';
import type { GradedLab } from '../../grader/scoring';
import { runLabInPage, type WorkerLike } from '../../labs/browser/controller';
import { assetUrl, downloadName, hintSteps, initialCode, SAVE_DELAY_MS, STATUS_WORDS, storageKey, summary, type LabEditorProps } from './lab-editor';
import './lab-runner.css';

function spawnLabWorker(): WorkerLike {
  return new Worker(new URL('./lab-worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

function readSaved(id: string): string | null {
  try {
    return localStorage.getItem(storageKey(id));
  } catch {
    return null;
  }
}

export default function LabEditor({ id, meta, starter, sections, base }: LabEditorProps) {
  const prefix = `lab-${id}`;
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<PrismEditor | null>(null);
  const spare = useRef<WorkerLike | null>(null);
  const checker = useRef<Worker | null>(null);
  const checkSeq = useRef(0);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [status, setStatus] = useState(`Editing your code for ${id}. Press Run tests to grade it here.`);
  const [result, setResult] = useState<GradedLab | null>(null);
  const [running, setRunning] = useState(false);
  const [typeVerdict, setTypeVerdict] = useState<string | null>(null);
  const [steps, setSteps] = useState<Record<string, number>>({});

  useEffect(() => {
    const e = createEditor(host.current!, {
      language: 'typescript',
      value: initialCode(readSaved(id), starter),
      lineNumbers: true,
      wordWrap: false,
      onUpdate: (value) => {
        clearTimeout(saveTimer.current);
        saveTimer.current = setTimeout(() => {
          try {
            localStorage.setItem(storageKey(id), value);
          } catch {
            // Private mode or a full quota: the code stays in the editor.
          }
        }, SAVE_DELAY_MS);
      },
    });
    e.textarea.id = `${prefix}-code`;
    e.textarea.setAttribute('aria-describedby', `${prefix}-practice`);
    editor.current = e;
    e.textarea.focus();
    return () => {
      e.remove();
      spare.current?.terminate();
      checker.current?.terminate();
    };
  }, []);

  const code = () => editor.current?.value ?? starter;

  const takeWorker = (): WorkerLike => {
    const worker = spare.current ?? spawnLabWorker();
    spare.current = null;
    return worker;
  };

  const typeCheck = (source: string) => {
    if (!checker.current) {
      checker.current = new Worker(new URL('./typecheck-worker.ts', import.meta.url));
      setTypeVerdict('Type check: loading TypeScript…');
    }
    const seq = ++checkSeq.current;
    checker.current.onmessage = ({ data }: MessageEvent<{ seq: number; error?: string | null; failed?: string }>) => {
      if (data.seq !== checkSeq.current) return;
      setTypeVerdict(
        data.failed ? `Type check: could not load TypeScript (${data.failed}).` : data.error ? `Type check: ${data.error}` : 'Type check: no type errors (strict, with noUncheckedIndexedAccess).',
      );
    };
    checker.current.postMessage({ base: assetUrl(base, 'ts/', location.href), file: `/labs/${id}/${id}.ts`, code: source, seq });
  };

  const run = async () => {
    if (running) return;
    setRunning(true);
    setStatus(`Running the ${meta.tests.length} tests of ${id}…`);
    const source = code();
    const started = performance.now();
    try {
      const { graded, blocked } = await runLabInPage({
        lab: meta,
        code: source,
        testsUrl: assetUrl(base, `${id}.tests.js`, location.href),
        spawn: takeWorker,
        onProgress: (done, total) => setStatus(`Running the tests of ${id}: ${done} of ${total} done…`),
      });
      setResult(graded);
      setStatus(summary(graded));
      // A worker started now (its module is cached by then) is warm for the next run.
      spare.current ??= spawnLabWorker();
      // For the e2e checks: how long the last run took (click to verdicts), and how many runs finished.
      const frame = host.current?.closest('[data-lab-editor]');
      frame?.setAttribute('data-run-ms', String(Math.round(performance.now() - started)));
      frame?.setAttribute('data-runs', String(Number(frame.getAttribute('data-runs') ?? 0) + 1));
      if (!blocked) typeCheck(source);
    } catch (error) {
      setStatus(`The tests could not run: ${String(error)}`);
    } finally {
      setRunning(false);
    }
  };

  const reset = () => {
    if (!editor.current) return;
    if (editor.current.value !== starter && !confirm(`Replace your code for ${id} with the starter? Your changes will be lost.`)) return;
    editor.current.setOptions({ value: starter });
    try {
      localStorage.removeItem(storageKey(id));
    } catch {
      // nothing saved
    }
    setResult(null);
    setTypeVerdict(null);
    setStatus(`Restored the starter for ${id}.`);
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([code()], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = downloadName(id);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div class="lab-editor not-content" data-lab-editor={id}>
      <label class="lab-editor-label" for={`${prefix}-code`}>
        Your code for {id}
      </label>
      <p class="lab-editor-note" id={`${prefix}-practice`}>
        Saved in this browser as you type. The score here is for practice: <code>npm run grade {id}</code> on your machine is the
        grade of record. Download gives the file to put in <code>labs/{id}/{downloadName(id)}</code>. Tab moves focus out of the editor.
      </p>
      <div class="lab-editor-code" ref={host} />
      <div class="lab-editor-actions">
        <button type="button" onClick={run} disabled={running} data-action="run">
          Run tests
        </button>
        <button type="button" onClick={reset} data-action="reset">
          Reset
        </button>
        <button type="button" onClick={download} data-action="download">
          Download
        </button>
      </div>
      <p class="lab-editor-status" role="status" aria-live="polite" id={`${prefix}-status`} data-result="status">
        {status}
      </p>
      {typeVerdict && (
        <p class="lab-editor-types" aria-live="polite" data-result="types">
          {typeVerdict}
        </p>
      )}
      {result && (
        <ol class="lab-editor-results" aria-label={`Test results for ${id}`}>
          {result.tests.map((test, i) => {
            const opened = steps[test.name] ?? 0;
            return (
              <li class={`lab-result lab-result-${test.status}`} data-status={test.status} key={test.name}>
                <p class="lab-result-head">
                  <span class="lab-result-verdict">{STATUS_WORDS[test.status]}</span> <span>{test.name}</span>{' '}
                  <span class="lab-points">
                    {test.points}/{test.max}
                  </span>
                </p>
                {test.message && <p class="lab-result-message">{test.message}</p>}
                {test.status !== 'passed' && (
                  <div class="lab-result-hints">
                    {hintSteps(test.hints, opened, sections).map((step) => (
                      <p key={step.label}>
                        <strong>{step.label}:</strong> {step.href ? <a href={step.href}>{step.text}</a> : step.text}
                      </p>
                    ))}
                    {opened < 3 && (
                      <button type="button" id={`${prefix}-hint-${i}`} onClick={() => setSteps({ ...steps, [test.name]: opened + 1 })}>
                        {opened === 0 ? 'Show a hint' : 'Next hint'}
                        <span class="sr-only"> for “{test.name}”</span>
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
