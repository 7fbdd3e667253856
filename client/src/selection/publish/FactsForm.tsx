import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { EMPLOYMENT_TYPES, PAY_UNITS, WORK_STYLES } from '@specboard/shared'
import { formatYen } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { SelectField } from '../../ui/SelectField.tsx'
import { SubmitButton } from '../../ui/SubmitButton.tsx'
import { TagsField } from '../../ui/TagsField.tsx'
import { TextField } from '../../ui/TextField.tsx'
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
  /** A typed field's id, label, value and problem by its name. */
  const field = (name: TypedField) => {
    // The deadline's problem is told once, under its date; its time is only marked (below).
    const problemOf = name === 'deadlineDate' ? 'deadline' : name === 'deadlineTime' ? null : name
    return {
      id: id(name),
      label: t(`selection.publish.fields.${name}`),
      value: values[name],
      problem: problemOf ? problemText(problemOf) : undefined,
      onValue: (value: string) => set(name, value),
    }
  }
  const text = (
    name: 'title' | 'region' | 'municipality' | 'location' | 'slug',
    maxLength: number,
    hint: string
  ) => <TextField {...field(name)} maxLength={maxLength} hint={hint} keepsHint />

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
        <SelectField
          id={id('employmentType')}
          label={t('selection.publish.fields.employmentType')}
          value={values.employmentType}
          onValue={(v) => set('employmentType', v as FactsValues['employmentType'])}
          options={EMPLOYMENT_TYPES.map((type) => ({
            value: type,
            label: t(`selection.employmentTypes.${type}`),
          }))}
        />
      </Group>

      <Group legend={t('selection.publish.groups.place')}>
        {text('region', 40, t('selection.publish.hints.region'))}
        {text('municipality', 60, t('selection.publish.hints.municipality'))}
        <fieldset
          className="facts-form__wide facts-form__choices"
          aria-describedby={problems.workStyle ? `${id('workStyle')}-problem` : undefined}
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
        <TextField {...field('periodStart')} type="date" />
        <TextField {...field('periodEnd')} type="date" />
        <TextField
          {...field('hoursPerMonth')}
          type="number"
          inputMode="numeric"
          min={1}
          max={300}
          unit={t('selection.publish.hoursUnit')}
        />
        <div className="facts-form__pay">
          <SelectField
            id={id('payUnit')}
            label={t('selection.publish.fields.payUnit')}
            value={values.payUnit}
            onValue={(v) => set('payUnit', v as FactsValues['payUnit'])}
            options={PAY_UNITS.map((unit) => ({
              value: unit,
              label: t(`selection.payUnits.${unit}`),
            }))}
          />
          <TextField
            {...field('payAmount')}
            type="number"
            inputMode="numeric"
            min={0}
            step={1000}
            hint={t('selection.publish.hints.payAmount')}
            keepsHint
            unit={t('selection.publish.yenUnit')}
          />
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
        <TextField {...field('deadlineDate')} type="date" />
        <TextField
          {...field('deadlineTime')}
          type="time"
          hint={t('selection.publish.hints.deadline')}
          aria-invalid={problems.deadline ? true : undefined}
        />
      </Group>

      {isFirstPublication && (
        <Group legend={t('selection.publish.groups.address')}>
          <div className="facts-form__wide">
            {text('slug', 60, t('selection.publish.hints.slug'))}
          </div>
        </Group>
      )}

      <div className="facts-form__submit">
        <SubmitButton
          label={
            isFirstPublication
              ? t('selection.publish.submitFirst')
              : t('selection.publish.submitAgain', { version: nextVersion })
          }
          isSending={isSending}
        />
        <span className="muted small">{t('selection.publish.freezeHint')}</span>
      </div>
    </form>
  )
}

/** The fields typed as text (dates, times and numbers included), which TextField shows. */
type TypedField =
  | 'title'
  | 'region'
  | 'municipality'
  | 'location'
  | 'slug'
  | 'periodStart'
  | 'periodEnd'
  | 'hoursPerMonth'
  | 'payAmount'
  | 'deadlineDate'
  | 'deadlineTime'

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="facts-form__group">
      <legend>{legend}</legend>
      <div className="facts-form__grid">{children}</div>
    </fieldset>
  )
}
