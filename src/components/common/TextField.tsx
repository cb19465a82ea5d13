/**
 * One labelled text field of a widget's form, with an optional hint under it and the inline message for
 * bad input: `aria-invalid` when there is one, and `aria-describedby` pointing at the hint and the
 * message. Every widget's number fields use it, so they look and behave alike and the end-to-end tests
 * find them the same way (`input[name=…]`, `[data-error-for=…]`).
 */
import type { ComponentChildren } from 'preact';

export interface TextFieldProps {
  /** The form's id prefix (from useId), so ids stay unique when a page has several widgets. */
  formId: string;
  name: string;
  label: ComponentChildren;
  value: string;
  /** Why the value cannot be used, shown under the field. */
  error?: string | undefined;
  /** A short note under the field, such as the allowed range. */
  hint?: string | undefined;
  inputMode?: 'decimal' | 'numeric';
  onInput: (value: string) => void;
}

export default function TextField({ formId, name, label, value, error, hint, inputMode = 'decimal', onInput }: TextFieldProps) {
  const id = `${formId}-${name}`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="widget-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        autoComplete="off"
        inputMode={inputMode}
        value={value}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={describedBy || undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {hint && (
        <span class="widget-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <p class="widget-error" id={`${id}-error`} data-error-for={name}>
          {error}
        </p>
      )}
    </div>
  );
}
