import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { EMPLOYMENT_TYPES, PAY_UNITS, WORK_STYLES } from '@specboard/shared'
import { formatYen } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { TagsField } from '../../ui/TagsField.tsx'
import { payText } from '../postingText.ts'
import { checkFacts, type FactField, type FactsValues, type Problems } from './factsForm.ts'

interface FactsFormProps {
  initial: FactsValues
  /** No posting yet: the address may be chosen. */
  isFirstPublication: boolean
  nextVersion: number
  isSending: boolean
  /** Problems the server found, placed on their fields. */
  serverProblems: Problems
  onSubmit: (values: FactsValues) => void
}

/** The job facts of a posting, checked with the shared schema before they are sent. */
export function FactsForm({
  initial,
  isFirstPublication,
  nextVersion,
  isSending,
  serverProblems,
  onSubmit,
}: FactsFormProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const idBase = useId()
  const [values, setValues] = useState(initial)
  const [checked, setChecked] = useState<Problems | null>(null)
  const set = <K extends keyof FactsValues>(key: K, value: FactsValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }))

  // Once a submit was tried, problems follow the typing; the server's stay until the next submit.
  const problems: Problems = {
    ...serverProblems,
    ...(checked ? checkFacts(values, isFirstPublication) : {}),
  }
  const id = (field: string) => `${idBase}-${field}`
  const problemText = (field: FactField) => {
    const problem = problems[field]
    return problem ? t(`selection.publish.problems.${problem}`) : undefined
  }
  const describedBy = (field: FactField, hasHint = false) =>
    [hasHint ? `${id(field)}-hint` : '', problems[field] ? `${id(field)}-problem` : '']
      .filter(Boolean)
      .join(' ') || undefined

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = checkFacts(values, isFirstPublication)
    setChecked(found)
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0]!
      document.getElementById(id(first === 'deadline' ? 'deadlineDate' : first))?.focus()
      return
    }
    onSubmit(values)
  }

  const text = (
    field: 'title' | 'region' | 'municipality' | 'location' | 'slug',
    maxLength: number,
    hint?: string
  ) => (
    <Field
      label={t(`selection.publish.fields.${field}`)}
      htmlFor={id(field)}
      hint={hint}
      hintId={`${id(field)}-hint`}
      problem={problemText(field)}
      problemId={`${id(field)}-problem`}
    >
      <input
        id={id(field)}
        className="input"
        value={values[field]}
        maxLength={maxLength}
        aria-invalid={problems[field] ? true : undefined}
        aria-describedby={describedBy(field, !!hint)}
        onChange={(e) => set(field, e.target.value)}
      />
    </Field>
  )

  const amount = Number(values.payAmount)
  const payPreview =
    values.payAmount.trim() !== '' && Number.isInteger(amount) && amount >= 0
      ? `${payText({ amount, unit: values.payUnit }, t, language)}${amount >= 10_000 && language === 'ja' ? `（${formatYen(amount, language)}）` : ''}`
      : null

  return (
    <form
      className="facts-form"
      onSubmit={submit}
      noValidate
      aria-label={t('selection.publish.formLabel')}
    >
      <Group legend={t('selection.publish.groups.summary')}>
        <div className="facts-form__wide">
          {text('title', 120, t('selection.publish.hints.title'))}
        </div>
        <Field label={t('selection.publish.fields.employmentType')} htmlFor={id('employmentType')}>
          <select
            id={id('employmentType')}
            className="select"
            value={values.employmentType}
            onChange={(e) => set('employmentType', e.target.value as FactsValues['employmentType'])}
          >
            {EMPLOYMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`selection.employmentTypes.${type}`)}
              </option>
            ))}
          </select>
        </Field>
      </Group>

      <Group legend={t('selection.publish.groups.place')}>
        {text('region', 40, t('selection.publish.hints.region'))}
        {text('municipality', 60, t('selection.publish.hints.municipality'))}
        <fieldset
          className="facts-form__wide facts-form__choices"
          aria-describedby={describedBy('workStyle')}
        >
          <legend className="field-label">{t('selection.publish.fields.workStyle')}</legend>
          <div className="facts-form__radios">
            {WORK_STYLES.map((style) => (
              <label
                key={style}
                className={`choice${values.workStyle === style ? ' choice--on' : ''}`}
              >
                <input
                  type="radio"
                  name={id('workStyle')}
                  value={style}
                  checked={values.workStyle === style}
                  onChange={() => set('workStyle', style)}
                />
                {t(`selection.workStyles.${style}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="facts-form__wide">
          {text(
            'location',
            120,
            t(
              values.workStyle === 'remote'
                ? 'selection.publish.hints.locationRemote'
                : 'selection.publish.hints.location'
            )
          )}
        </div>
      </Group>

      <Group legend={t('selection.publish.groups.terms')}>
        <DateField
          label={t('selection.publish.fields.periodStart')}
          id={id('periodStart')}
          value={values.periodStart}
          problem={problemText('periodStart')}
          onChange={(v) => set('periodStart', v)}
        />
        <DateField
          label={t('selection.publish.fields.periodEnd')}
          id={id('periodEnd')}
          value={values.periodEnd}
          problem={problemText('periodEnd')}
          onChange={(v) => set('periodEnd', v)}
        />
        <Field
          label={t('selection.publish.fields.hoursPerMonth')}
          htmlFor={id('hoursPerMonth')}
          problem={problemText('hoursPerMonth')}
          problemId={`${id('hoursPerMonth')}-problem`}
        >
          <span className="input-with-unit">
            <input
              id={id('hoursPerMonth')}
              className="input"
              type="number"
              inputMode="numeric"
              min={1}
              max={300}
              value={values.hoursPerMonth}
              aria-invalid={problems.hoursPerMonth ? true : undefined}
              aria-describedby={describedBy('hoursPerMonth')}
              onChange={(e) => set('hoursPerMonth', e.target.value)}
            />
            <span aria-hidden="true">{t('selection.publish.hoursUnit')}</span>
          </span>
        </Field>
        <div className="facts-form__pay">
          <Field label={t('selection.publish.fields.payUnit')} htmlFor={id('payUnit')}>
            <select
              id={id('payUnit')}
              className="select"
              value={values.payUnit}
              onChange={(e) => set('payUnit', e.target.value as FactsValues['payUnit'])}
            >
              {PAY_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`selection.payUnits.${unit}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('selection.publish.fields.payAmount')}
            htmlFor={id('payAmount')}
            hint={t('selection.publish.hints.payAmount')}
            hintId={`${id('payAmount')}-hint`}
            problem={problemText('payAmount')}
            problemId={`${id('payAmount')}-problem`}
          >
            <span className="input-with-unit">
              <input
                id={id('payAmount')}
                className="input"
                type="number"
                inputMode="numeric"
                min={0}
                step={1000}
                value={values.payAmount}
                aria-invalid={problems.payAmount ? true : undefined}
                aria-describedby={describedBy('payAmount', true)}
                onChange={(e) => set('payAmount', e.target.value)}
              />
              <span aria-hidden="true">{t('selection.publish.yenUnit')}</span>
            </span>
          </Field>
          {payPreview && (
            <p className="facts-form__preview" aria-live="polite">
              {t('selection.publish.payPreview', { pay: payPreview })}
            </p>
          )}
        </div>
      </Group>

      <Group legend={t('selection.publish.groups.skills')}>
        <div className="facts-form__wide">
          <TagsField
            id={id('skills')}
            label={t('selection.publish.fields.skills')}
            hint={t('selection.publish.hints.skills')}
            value={values.skills}
            problem={problemText('skills')}
            onChange={(v) => set('skills', v)}
          />
        </div>
      </Group>

      <Group legend={t('selection.publish.groups.deadline')}>
        <DateField
          label={t('selection.publish.fields.deadlineDate')}
          id={id('deadlineDate')}
          value={values.deadlineDate}
          problem={problemText('deadline')}
          onChange={(v) => set('deadlineDate', v)}
        />
        <Field
          label={t('selection.publish.fields.deadlineTime')}
          htmlFor={id('deadlineTime')}
          hint={t('selection.publish.hints.deadline')}
          hintId={`${id('deadlineTime')}-hint`}
        >
          <input
            id={id('deadlineTime')}
            className="input"
            type="time"
            value={values.deadlineTime}
            aria-invalid={problems.deadline ? true : undefined}
            aria-describedby={`${id('deadlineTime')}-hint`}
            onChange={(e) => set('deadlineTime', e.target.value)}
          />
        </Field>
      </Group>

      {isFirstPublication && (
        <Group legend={t('selection.publish.groups.address')}>
          <div className="facts-form__wide">
            {text('slug', 60, t('selection.publish.hints.slug'))}
          </div>
        </Group>
      )}

      <div className="facts-form__submit">
        <button className="button button--primary" type="submit" disabled={isSending}>
          {isSending
            ? t('common.saving')
            : isFirstPublication
              ? t('selection.publish.submitFirst')
              : t('selection.publish.submitAgain', { version: nextVersion })}
        </button>
        <span className="muted small">{t('selection.publish.freezeHint')}</span>
      </div>
    </form>
  )
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="facts-form__group">
      <legend>{legend}</legend>
      <div className="facts-form__grid">{children}</div>
    </fieldset>
  )
}

interface FieldProps {
  label: string
  htmlFor: string
  hint?: string
  hintId?: string
  problem?: string
  problemId?: string
  children: ReactNode
}

function Field({ label, htmlFor, hint, hintId, problem, problemId, children }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={problemId} className="field-problem">
          {problem}
        </span>
      )}
    </div>
  )
}

function DateField({
  label,
  id,
  value,
  problem,
  onChange,
}: {
  label: string
  id: string
  value: string
  problem?: string
  onChange: (value: string) => void
}) {
  return (
    <Field label={label} htmlFor={id} problem={problem} problemId={`${id}-problem`}>
      <input
        id={id}
        className="input"
        type="date"
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  )
}
