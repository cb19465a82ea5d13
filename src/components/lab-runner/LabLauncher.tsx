/**
 * The "Open the lab in the browser" button on a lesson's Lab section. The island itself is only this
 * button (on the server it renders an empty box, so the page without JavaScript keeps the instructions to
 * grade on your machine); the editor, the test runner and the type checker load when it is pressed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { LabEditorProps } from './lab-editor';

export default function LabLauncher(props: LabEditorProps) {
  const [ready, setReady] = useState(false);
  const [Editor, setEditor] = useState<ComponentType<LabEditorProps> | null>(null);
  const [failed, setFailed] = useState(false);
  const opened = useRef(false);
  useEffect(() => setReady(true), []);
  // The wrapper is rendered on the server too (empty), so that client:visible has a box to watch.
  if (!ready) return <div class="lab-open" />;
  if (Editor) return <Editor {...props} />;
  const open = () => {
    if (opened.current) return;
    opened.current = true;
    import('./LabEditor').then(
      (module) => setEditor(() => module.default),
      () => {
        opened.current = false;
        setFailed(true);
      },
    );
  };
  return (
    <div class="lab-open">
      <button type="button" class="lab-open-button" onClick={open} id={`lab-${props.id}-open`}>
        Open the lab in the browser
      </button>
      {failed && <p role="alert">The editor could not be loaded; check your connection and try again.</p>}
    </div>
  );
}
