import type { ComponentProps } from 'react'
import { EMAIL_MAX_LENGTH } from '@specboard/shared'
import { TextField } from './TextField.tsx'

type EmailFieldProps = Omit<
  Extract<ComponentProps<typeof TextField>, { multiline?: false }>,
  'type' | 'maxLength' | 'placeholder'
>

/**
 * An email address field: the email keyboard, the example address every form shows, and the length the
 * shared `EmailAddress` schema allows. Autocomplete offers the person's own address unless the caller
 * says otherwise (`autoComplete="off"` for someone else's).
 */
export function EmailField({ autoComplete = 'email', ...props }: EmailFieldProps) {
  return (
    <TextField
      {...props}
      type="email"
      placeholder="name@example.jp"
      maxLength={EMAIL_MAX_LENGTH}
      autoComplete={autoComplete}
    />
  )
}
