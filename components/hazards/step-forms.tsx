"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import {
  FieldError,
  FormMessage,
  Note,
  SelectField,
  SubmitButton,
  TextField,
  useFormAction,
} from "@/components/forms/form-kit";
import { ACCEPTANCE_TYPES, FIVE_IN_PLACE, SUPERVISION_LEVELS } from "@/lib/domain/hazards";
import type { FormState } from "@/lib/validation/form-state";
import { uploadAttachments } from "./upload";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Option = { id: number; label: string };
type Step = { action: Action; version: number };
const box = "grid gap-3 rounded-lg border border-neutral-200 bg-white p-4";

/**
 * The frame of each step's form on a hazard's page: its heading, the answer, the version the page
 * was loaded at (a stale form is refused with what changed), the fields, the button.
 */
function StepForm({
  action,
  version,
  title,
  hint,
  submit,
  tone,
  children,
}: Step & {
  title: string;
  hint?: string;
  submit: string;
  tone?: "primary" | "plain";
  children: (state: FormState) => ReactNode;
}) {
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} noValidate className={box}>
      <h2 className="text-lg font-semibold">{title}</h2>
      {hint ? <p className="text-sm text-neutral-700">{hint}</p> : null}
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      {children(state)}
      <div>
        <SubmitButton tone={tone}>{submit}</SubmitButton>
      </div>
    </form>
  );
}

/** 五落实: each of the five written, before a major hazard's rectification may start. */
export function FiveForm({ initial, ...step }: Step & { initial: Record<string, string> }) {
  const t = useTranslations("hazards");
  return (
    <StepForm {...step} title={t("five.title")} hint={t("five.hint")} submit={t("five.save")}>
      {(state) =>
        FIVE_IN_PLACE.map((k) => (
          <Note
            key={k}
            state={{ ...state, values: state.values ?? initial }}
            name={k}
            label={t(`five.${k}`)}
            required
          />
        ))
      }
    </StepForm>
  );
}

/** 整改: a responsible unit and person, and the deadline. */
export function AssignForm({ units, today, ...step }: Step & { units: Option[]; today: string }) {
  const t = useTranslations("hazards");
  return (
    <StepForm {...step} title={t("assign.title")} submit={t("assign.save")}>
      {(state) => (
        <>
          <SelectField
            state={state}
            name="unitId"
            label={t("fields.rectifyUnit")}
            options={units}
            empty={t("choose")}
          />
          <TextField
            state={state}
            name="person"
            label={t("fields.rectifyPerson")}
            defaultValue={state.values?.person}
          />
          <TextField
            state={state}
            name="deadline"
            type="date"
            min={today}
            label={t("fields.deadline")}
            defaultValue={state.values?.deadline}
          />
        </>
      )}
    </StepForm>
  );
}

/** A later deadline, with its reason. */
export function ExtendForm({ deadline, ...step }: Step & { deadline: string }) {
  const t = useTranslations("hazards");
  return (
    <StepForm {...step} title={t("extend.title")} submit={t("extend.save")} tone="plain">
      {(state) => (
        <>
          <TextField
            state={state}
            name="deadline"
            type="date"
            min={deadline}
            label={t("extend.newDeadline")}
            defaultValue={state.values?.deadline}
          />
          <Note state={state} name="reason" label={t("extend.reason")} required />
        </>
      )}
    </StepForm>
  );
}

/** The rectifier reports the work done; it then waits for someone else's acceptance. */
export function SubmitForm(step: Step) {
  const t = useTranslations("hazards");
  return (
    <StepForm {...step} title={t("submit.title")} submit={t("submit.save")}>
      {(state) => <Note state={state} name="measuresTaken" label={t("fields.measuresTaken")} required rows={3} />}
    </StepForm>
  );
}

/** 验收: passed (closed, 销号) with type, day and cost; or failed with the reason. */
export function AcceptForm({ action, version, today }: Step & { today: string }) {
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
        <SelectField
          state={state}
          name="type"
          label={t("fields.acceptanceType")}
          defaultValue="self"
          options={ACCEPTANCE_TYPES.map((a) => ({ id: a, label: t(`acceptanceTypes.${a}`) }))}
        />
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
export function SuperviseForm({ units, today, ...step }: Step & { units: Option[]; today: string }) {
  const t = useTranslations("hazards");
  return (
    <StepForm {...step} title={t("supervise.title")} submit={t("supervise.save")} tone="plain">
      {(state) => (
        <>
          <SelectField
            state={state}
            name="level"
            label={t("fields.supervisionLevel")}
            defaultValue="county"
            options={SUPERVISION_LEVELS.map((l) => ({ id: l, label: t(`levels.${l}`) }))}
          />
          <SelectField
            state={state}
            name="unitId"
            label={t("fields.supervisionUnit")}
            options={units}
            empty={t("choose")}
          />
          <TextField
            state={state}
            name="deadline"
            type="date"
            min={today}
            label={t("fields.supervisionDeadline")}
            defaultValue={state.values?.deadline}
          />
        </>
      )}
    </StepForm>
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
