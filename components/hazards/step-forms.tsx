"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import {
  FieldError,
  FormMessage,
  inputClass,
  Note,
  SubmitButton,
  TextField,
  useFormAction,
} from "@/components/forms/form-kit";
import { ACCEPTANCE_TYPES, FIVE_IN_PLACE, SUPERVISION_LEVELS } from "@/lib/domain/hazards";
import type { FormState } from "@/lib/validation/form-state";
import { uploadAttachments } from "./upload";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Option = { id: number; label: string };
const box = "grid gap-3 rounded-lg border border-neutral-200 bg-white p-4";

function UnitSelect({
  state,
  units,
  name = "unitId",
  label,
}: {
  state: FormState;
  units: Option[];
  name?: string;
  label: string;
}) {
  const t = useTranslations("hazards");
  const invalid = !!state.fieldErrors?.[name]?.length;
  return (
    <div>
      <label htmlFor={name} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select
        id={name}
        name={name}
        defaultValue={state.values?.[name]}
        className={inputClass}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${name}-error` : undefined}
      >
        <option value="">{t("choose")}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.label}
          </option>
        ))}
      </select>
      <FieldError state={state} name={name} />
    </div>
  );
}

/** 五落实: each of the five written, before a major hazard's rectification may start. */
export function FiveForm({
  action,
  version,
  initial,
}: {
  action: Action;
  version: number;
  initial: Record<string, string>;
}) {
  const [state, formAction] = useFormAction(action);
  const t = useTranslations("hazards");
  const shown = { ...state, values: state.values ?? initial };
  return (
    <form action={formAction} noValidate className={box}>
      <h2 className="text-lg font-semibold">{t("five.title")}</h2>
      <p className="text-sm text-neutral-700">{t("five.hint")}</p>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      {FIVE_IN_PLACE.map((k) => (
        <Note key={k} state={shown} name={k} label={t(`five.${k}`)} required />
      ))}
      <div>
        <SubmitButton>{t("five.save")}</SubmitButton>
      </div>
    </form>
  );
}

/** 整改: a responsible unit and person, and the deadline. */
export function AssignForm({
  action,
  version,
  units,
  today,
}: {
  action: Action;
  version: number;
  units: Option[];
  today: string;
}) {
  const [state, formAction] = useFormAction(action);
  const t = useTranslations("hazards");
  return (
    <form action={formAction} noValidate className={box}>
      <h2 className="text-lg font-semibold">{t("assign.title")}</h2>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <UnitSelect state={state} units={units} label={t("fields.rectifyUnit")} />
      <TextField state={state} name="person" label={t("fields.rectifyPerson")} defaultValue={state.values?.person} />
      <TextField
        state={state}
        name="deadline"
        type="date"
        min={today}
        label={t("fields.deadline")}
        defaultValue={state.values?.deadline}
      />
      <div>
        <SubmitButton>{t("assign.save")}</SubmitButton>
      </div>
    </form>
  );
}

/** A later deadline, with its reason. */
export function ExtendForm({ action, version, deadline }: { action: Action; version: number; deadline: string }) {
  const [state, formAction] = useFormAction(action);
  const t = useTranslations("hazards");
  return (
    <form action={formAction} noValidate className={box}>
      <h2 className="text-lg font-semibold">{t("extend.title")}</h2>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <TextField
        state={state}
        name="deadline"
        type="date"
        min={deadline}
        label={t("extend.newDeadline")}
        defaultValue={state.values?.deadline}
      />
      <Note state={state} name="reason" label={t("extend.reason")} required />
      <div>
        <SubmitButton tone="plain">{t("extend.save")}</SubmitButton>
      </div>
    </form>
  );
}

/** The rectifier reports the work done; it then waits for someone else's acceptance. */
export function SubmitForm({ action, version }: { action: Action; version: number }) {
  const [state, formAction] = useFormAction(action);
  const t = useTranslations("hazards");
  return (
    <form action={formAction} noValidate className={box}>
      <h2 className="text-lg font-semibold">{t("submit.title")}</h2>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <Note state={state} name="measuresTaken" label={t("fields.measuresTaken")} required rows={3} />
      <div>
        <SubmitButton>{t("submit.save")}</SubmitButton>
      </div>
    </form>
  );
}

/** 验收: passed (closed, 销号) with type, day and cost; or failed with the reason. */
export function AcceptForm({ action, version, today }: { action: Action; version: number; today: string }) {
  const [state, formAction] = useFormAction(action);
  const t = useTranslations("hazards");
  const [outcome, setOutcome] = useState(state.values?.outcome || "pass");
  return (
    <form action={formAction} noValidate className={box}>
      <h2 className="text-lg font-semibold">{t("accept.title")}</h2>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t("accept.outcome")}</legend>
        <div className="flex flex-wrap gap-4">
          {(["pass", "fail"] as const).map((o) => (
            <label key={o} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
              {t(`accept.${o}`)}
            </label>
          ))}
        </div>
        <FieldError state={state} name="outcome" />
      </fieldset>
      {/* Both parts are sent without script; the server reads the one the outcome names. */}
      <div className={outcome === "pass" ? "grid gap-3" : "hidden"}>
        <div>
          <label htmlFor="type" className="mb-1 block text-sm font-medium">
            {t("fields.acceptanceType")}
          </label>
          <select id="type" name="type" defaultValue={state.values?.type ?? "self"} className={inputClass}>
            {ACCEPTANCE_TYPES.map((a) => (
              <option key={a} value={a}>
                {t(`acceptanceTypes.${a}`)}
              </option>
            ))}
          </select>
          <FieldError state={state} name="type" />
        </div>
        <TextField
          state={state}
          name="completedOn"
          type="date"
          max={today}
          label={t("fields.completedOn")}
          defaultValue={state.values?.completedOn ?? today}
        />
        <TextField
          state={state}
          name="costWan"
          inputMode="decimal"
          label={t("fields.costWan")}
          defaultValue={state.values?.costWan ?? "0"}
        />
        <Note state={state} name="opinion" label={t("fields.opinion")} />
      </div>
      <div className={outcome === "fail" ? "grid gap-3" : "hidden"}>
        <Note state={state} name="reason" label={t("accept.failReason")} required />
      </div>
      <div>
        <SubmitButton tone={outcome === "fail" ? "danger" : "primary"}>
          {t(outcome === "fail" ? "accept.saveFail" : "accept.savePass")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** 挂牌督办 of a major hazard: the level, the supervising unit and its deadline. */
export function SuperviseForm({
  action,
  version,
  units,
  today,
}: {
  action: Action;
  version: number;
  units: Option[];
  today: string;
}) {
  const [state, formAction] = useFormAction(action);
  const t = useTranslations("hazards");
  return (
    <form action={formAction} noValidate className={box}>
      <h2 className="text-lg font-semibold">{t("supervise.title")}</h2>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor="level" className="mb-1 block text-sm font-medium">
          {t("fields.supervisionLevel")}
        </label>
        <select id="level" name="level" defaultValue={state.values?.level ?? "county"} className={inputClass}>
          {SUPERVISION_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`levels.${l}`)}
            </option>
          ))}
        </select>
        <FieldError state={state} name="level" />
      </div>
      <UnitSelect state={state} units={units} label={t("fields.supervisionUnit")} />
      <TextField
        state={state}
        name="deadline"
        type="date"
        min={today}
        label={t("fields.supervisionDeadline")}
        defaultValue={state.values?.deadline}
      />
      <div>
        <SubmitButton tone="plain">{t("supervise.save")}</SubmitButton>
      </div>
    </form>
  );
}

/**
 * More photos or documents. Without script it is a plain multipart form posted to the upload route,
 * which answers with the page again; with script each file is sent on its own and the page reloads.
 */
export function AttachForm({ code }: { code: string }) {
  const t = useTranslations("hazards.attachments");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const files = new FormData(form).getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
    if (!files.length) return setError(t("refused.noFile"));
    setBusy(true);
    setError(null);
    const sent = await uploadAttachments(code, files);
    setBusy(false);
    if (!sent.ok) return setError(t(`refused.${sent.error}` as "refused.failed", { name: sent.file, mb: 20, max: 10 }));
    form.reset();
    router.refresh();
  }
  return (
    <form
      action={`/api/uploads/hazards/${code}`}
      method="post"
      encType="multipart/form-data"
      onSubmit={(e) => void onSubmit(e)}
      className="flex flex-col gap-2"
    >
      <label htmlFor="attach-files" className="text-sm font-medium">
        {t("add")}
      </label>
      <input
        id="attach-files"
        type="file"
        name="files"
        multiple
        accept="image/*,application/pdf,.docx,.xlsx"
        className="text-sm"
      />
      <p className="text-xs text-neutral-600">{t("limits")}</p>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div>
        <button
          type="submit"
          disabled={busy}
          className="rounded border border-neutral-500 bg-white px-3 py-2 text-sm font-medium hover:bg-neutral-100 disabled:opacity-60"
        >
          {busy ? t("uploadingShort") : t("upload")}
        </button>
      </div>
    </form>
  );
}
