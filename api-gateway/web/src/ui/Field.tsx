import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';

interface ShellProps {
  label: string;
  hint?: string;
  errors?: string[];
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; className: string }) => ReactNode;
}

/** A visible label bound to its control, an optional hint, and the server's messages for that field. */
function FieldShell({ label, hint, errors, children }: ShellProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(errorId), 'aria-describedby': describedBy, className: errorId ? 'is-invalid' : '' })}
      {errorId && (
        <div id={errorId} className="invalid-feedback d-block">
          {errors!.join(' ')}
        </div>
      )}
      {hintId && (
        <div id={hintId} className="form-text">
          {hint}
        </div>
      )}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  hint?: string;
  errors?: string[];
  ref?: Ref<HTMLInputElement>;
};

export function TextField({ label, hint, errors, className, ref, ...input }: TextFieldProps) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {(control) => <input ref={ref} {...input} {...control} className={`form-control ${control.className} ${className ?? ''}`} />}
    </FieldShell>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { label: string; hint?: string; errors?: string[] };

export function SelectField({ label, hint, errors, className, children, ...select }: SelectFieldProps) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {(control) => (
        <select {...select} {...control} className={`form-select ${control.className} ${className ?? ''}`}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}
