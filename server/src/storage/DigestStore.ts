/** The coordinators' daily digest: who wants it per program, in which language, and which days are sent. */

export interface DigestSetting {
  readonly enabled: boolean
  readonly lang: 'ja' | 'en'
}

export interface DigestStore {
  /** The person's choice for the program; undefined when they never chose (the digest is on, in Japanese). */
  settingOf(programId: string, personId: string): Promise<DigestSetting | undefined>
  setSetting(programId: string, personId: string, setting: DigestSetting): Promise<void>
  /**
   * Claims the digest of `day` (a Japanese calendar date) for the person and program: resolves with when
   * the previous digest was claimed (null for the first), or undefined when another instance (or an
   * earlier run) already claimed this day — then nothing is sent.
   */
  claimDay(
    programId: string,
    personId: string,
    day: string,
    at: string
  ): Promise<{ readonly since: string | null } | undefined>
}
