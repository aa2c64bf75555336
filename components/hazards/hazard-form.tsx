"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useState, useSyncExternalStore, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormMessage, Note, SelectField, SubmitButton, TextField } from "@/components/forms/form-kit";
import { RegionField } from "./region-field";
import { createHazardAction } from "@/app/hazards/actions/create-hazard";
import { HAZARD_GRADES } from "@/lib/domain/hazards";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/validation/form-state";
import type { RiskFormOptions } from "@/lib/views/risk-form";
import { uploadAttachments } from "./upload";

const noSubscription = () => () => undefined;

/**
 * A hazard found: what, where, how grave, the risk it belongs to, and photos. The photos are
 * offered once the page's script runs (a phone's camera, or files): the hazard is recorded first,
 * then each file streams to its own upload route — a server action would hold them all in memory.
 * Without script the form records the hazard and its page takes the photos.
 */
export function HazardForm({
  options,
  initial,
  today,
}: {
  options: RiskFormOptions;
  initial: Record<string, string>;
  today: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  // Without script the form posts to the action itself (its answer comes back through useActionState).
  const [served, formAction] = useActionState(createHazardAction, INITIAL_FORM_STATE);
  const [answered, setState] = useState<FormState | null>(null);
  const state = answered ?? served;
  const [pending, startTransition] = useTransition();
  // True once the page's script runs (false in the server's HTML): the photo inputs need it.
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [progress, setProgress] = useState<string | null>(null);
  const values = state.values ?? initial;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const files = [...form.getAll("photo"), ...form.getAll("files")].filter(
      (f): f is File => f instanceof File && f.size > 0,
    );
    form.delete("photo");
    form.delete("files");
    startTransition(async () => {
      const answer = await createHazardAction(INITIAL_FORM_STATE, form);
      if (!answer.redirectTo) {
        setState(answer);
        return;
      }
      let next = answer.redirectTo;
      if (files.length) {
        setProgress(t("hazards.attachments.uploading", { count: files.length }));
        const code = next.split("/")[2]?.split("?")[0] ?? "";
        const sent = await uploadAttachments(code, files);
        if (!sent.ok) next += `&attachError=${encodeURIComponent(sent.error)}&file=${encodeURIComponent(sent.file)}`;
      }
      router.push(next);
    });
  }

  return (
    <form
      action={formAction}
      onSubmit={scripted ? onSubmit : undefined}
      noValidate
      className="grid max-w-3xl gap-4 rounded-lg border border-neutral-200 bg-white p-4"
    >
      <FormMessage state={state} />
      <TextField state={state} name="title" label={t("hazards.fields.title")} defaultValue={values.title} required />
      <Note state={{ ...state, values }} name="description" label={t("hazards.fields.description")} rows={3} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t("hazards.fields.grade")}</legend>
        <div className="flex flex-wrap gap-4">
          {HAZARD_GRADES.map((g) => (
            <label key={g} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="grade" value={g} defaultChecked={(values.grade || "general") === g} />
              {t(`hazards.grades.${g}`)}
            </label>
          ))}
        </div>
        <p className="text-xs text-neutral-600">{t("hazards.majorHint")}</p>
        <FieldError state={state} name="grade" />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          state={{ ...state, values }}
          name="areaId"
          label={t("hazards.fields.area")}
          options={options.areas}
          empty={t("hazards.choose")}
        />
        <RegionField state={{ ...state, values }} options={options} />
      </div>
      <TextField state={state} name="place" label={t("hazards.fields.place")} defaultValue={values.place} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          state={state}
          name="foundOn"
          type="date"
          max={today}
          label={t("hazards.fields.foundOn")}
          defaultValue={values.foundOn || today}
        />
        <TextField
          state={state}
          name="riskCode"
          label={t("hazards.fields.riskCode")}
          defaultValue={values.riskCode}
          hint={t("hazards.riskCodeHint")}
          autoCapitalize="characters"
        />
        <TextField
          state={state}
          name="inspectionCode"
          label={t("hazards.fields.inspectionCode")}
          defaultValue={values.inspectionCode}
          autoCapitalize="characters"
        />
      </div>
      {scripted ? (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">{t("hazards.attachments.title")}</legend>
          <label className="flex min-h-11 w-fit cursor-pointer items-center rounded border border-neutral-500 bg-white px-3 py-2 text-sm font-medium hover:bg-neutral-100">
            {t("hazards.attachments.camera")}
            <input type="file" name="photo" accept="image/*" capture="environment" className="sr-only" />
          </label>
          <label htmlFor="files" className="text-sm">
            {t("hazards.attachments.choose")}
          </label>
          <input
            id="files"
            type="file"
            name="files"
            multiple
            accept="image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx"
            className="text-sm"
          />
          <p className="text-xs text-neutral-600">{t("hazards.attachments.limits")}</p>
        </fieldset>
      ) : null}
      {progress ? (
        <p role="status" className="text-sm">
          {progress}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <SubmitButton>{pending ? t("hazards.saving") : t("hazards.record")}</SubmitButton>
        <Link href="/hazards" className="rounded border border-neutral-400 px-4 py-2 text-sm">
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
