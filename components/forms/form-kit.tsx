"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, type InputHTMLAttributes, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/validation/form-state";

/**
 * `useActionState` for forms whose action answers a successful write with the next page's address
 * (`redirectTo`, lib/actions/after-write.ts) instead of a server-side redirect: the form goes
 * there as a link would, and the server renders that page once, for this navigation only.
 */
export function useFormAction(action: (state: FormState, formData: FormData) => Promise<FormState>) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const router = useRouter();
  useEffect(() => {
    if (state.redirectTo) router.push(state.redirectTo);
  }, [state, router]);
  return [state, formAction, pending] as const;
}

export const inputClass =
  "w-full rounded border border-neutral-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** The form's overall answer, announced to screen readers: an error (alert) or a success (status). */
export function FormMessage({ state }: { state: FormState }) {
  const t = useTranslations();
  return (
    <div aria-live="polite">
      {state.message ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={
            state.ok
              ? "rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
              : "rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
          }
        >
          {t(state.message.key, state.message.values)}
        </p>
      ) : null}
      {state.conflict?.length ? (
        <div className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="font-medium">{t("form.changedMeanwhile")}</p>
          <ul className="mt-1 list-disc pl-5">
            {state.conflict.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** `id` (default: the field's name) keeps ids unique when several forms on a page share field names. */
export function FieldError({ state, name, id = name }: { state: FormState; name: string; id?: string }) {
  const t = useTranslations();
  const errors = state.fieldErrors?.[name];
  return errors?.length ? (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
      {errors.map((e) => t(`errors.${e.key}`, e.values)).join(" ")}
    </p>
  ) : null;
}

/** A labelled input wired to its error and hint by id, as the risk form's fields are. */
export function TextField({
  state,
  name,
  label,
  hint,
  id = name,
  ...input
}: { state: FormState; name: string; label: string; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const invalid = !!state.fieldErrors?.[name]?.length;
  const describedBy = [invalid ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        className={inputClass}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        {...input}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-neutral-600">
          {hint}
        </p>
      ) : null}
      <FieldError state={state} name={name} id={id} />
    </div>
  );
}

export function SubmitButton({
  children,
  tone = "primary",
}: {
  children: ReactNode;
  tone?: "primary" | "danger" | "plain";
}) {
  const { pending } = useFormStatus();
  const tones = {
    primary: "bg-blue-800 text-white hover:bg-blue-900",
    danger: "bg-red-800 text-white hover:bg-red-900",
    plain: "border border-neutral-400 bg-white text-neutral-900 hover:bg-neutral-100",
  };
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-4 py-2 text-sm font-medium disabled:opacity-60 ${tones[tone]}`}
    >
      {children}
    </button>
  );
}

/** A labelled textarea wired to its error, its value kept after a refusal. */
export function Note({
  state,
  name,
  label,
  required,
  rows = 2,
}: {
  state: FormState;
  name: string;
  label: string;
  required?: boolean;
  rows?: number;
}) {
  const invalid = !!state.fieldErrors?.[name]?.length;
  return (
    <div>
      <label htmlFor={name} className="mb-1 block text-sm font-medium">
        {label}
        {required ? (
          <span aria-hidden className="text-red-800">
            {" "}
            *
          </span>
        ) : null}
      </label>
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={state.values?.[name]}
        className={inputClass}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${name}-error` : undefined}
      />
      <FieldError state={state} name={name} />
    </div>
  );
}

/** A labelled select wired to its error, its value kept after a refusal; `empty` is the "choose" option. */
export function SelectField({
  state,
  name,
  label,
  options,
  empty,
  defaultValue,
  id = name,
}: {
  state: FormState;
  name: string;
  label: string;
  options: ReadonlyArray<{ id: number | string; label: string }>;
  empty?: string;
  defaultValue?: string;
  id?: string;
}) {
  const invalid = !!state.fieldErrors?.[name]?.length;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={state.values?.[name] ?? defaultValue}
        className={inputClass}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
      >
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError state={state} name={name} id={id} />
    </div>
  );
}
