'use client';

import { type ReactNode, useId } from 'react';
import type { Problem } from '@/lib/design';

type Common = { label: string; problems?: readonly Problem[]; hint?: string };

function Messages({ id, problems, hint }: { id: string; problems?: readonly Problem[]; hint?: string }) {
  return (
    <>
      {hint && <span className="hint">{hint}</span>}
      {problems && problems.length > 0 && (
        <span id={id} className="field-error">
          {problems.map((p) => p.message).join(' ')}
        </span>
      )}
    </>
  );
}

function describedBy(id: string, problems?: readonly Problem[]) {
  return problems && problems.length > 0 ? { 'aria-invalid': true, 'aria-describedby': id } : {};
}

export function TextField({
  label,
  value,
  onChange,
  problems,
  hint,
  placeholder,
  multiline,
}: Common & { value: string; onChange: (value: string) => void; placeholder?: string; multiline?: boolean }) {
  const id = useId();
  const inputId = `${id}-input`;
  const props = { id: inputId, value, placeholder, ...describedBy(id, problems) };
  return (
    <div className="control">
      <label className="control-label" htmlFor={inputId}>
        {label}
      </label>
      {multiline ? (
        <textarea rows={3} {...props} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input type="text" {...props} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
      )}
      <Messages id={id} problems={problems} hint={hint} />
    </div>
  );
}

export function NumberField({
  label,
  value,
  onChange,
  problems,
  hint,
  min,
  step,
}: Common & {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  step?: number;
}) {
  const id = useId();
  return (
    <div className="control">
      <label className="control-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="number"
        value={value ?? ''}
        min={min}
        step={step ?? 1}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        {...describedBy(id, problems)}
      />
      <Messages id={id} problems={problems} hint={hint} />
    </div>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  problems,
  disabled,
}: Common & { checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="control control-check">
      <input
        id={`${id}-input`}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        {...describedBy(id, problems)}
      />
      <label className="control-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <Messages id={id} problems={problems} />
    </div>
  );
}

export type Option<T extends string> = { value: T; label: string };

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  problems,
  hint,
}: Common & { value: T; options: readonly Option<T>[]; onChange: (value: T) => void }) {
  const id = useId();
  return (
    <div className="control">
      <label className="control-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <select
        id={`${id}-input`}
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        {...describedBy(id, problems)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages id={id} problems={problems} hint={hint} />
    </div>
  );
}

export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="inspector-section" aria-label={title}>
      <header>
        <h3>{title}</h3>
        {actions}
      </header>
      <div className="inspector-grid">{children}</div>
    </section>
  );
}

export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="inspector-problems" aria-label="Problems">
      {problems.map((p, i) => (
        <li key={i}>{p.message}</li>
      ))}
    </ul>
  );
}
