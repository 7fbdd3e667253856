import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { APPLICATION_STAGES, POOL_SOURCES, type ProgramFigures } from '@specboard/shared'
import { formatCount, formatPercent } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'

/** Per posting (applicants by stage), per team (sheet, rounds, members) and the pool by source, as tables. */
export function FigureTables({ data, programId }: { data: ProgramFigures; programId: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const stages = APPLICATION_STAGES.filter(
    (s) => s !== 'withdrawn' || data.stageCounts.withdrawn > 0
  )
  const n = (value: number) => formatCount(value, language)
  return (
    <>
      <section className="selection-section card" aria-labelledby="per-posting-title">
        <h2 id="per-posting-title" className="selection-section__title">
          {t('selection.figures.perPosting')}
        </h2>
        {data.perPosting.length === 0 ? (
          <p className="muted">{t('selection.overview.emptyTitle')}</p>
        ) : (
          <div className="table-scroll">
            <table className="figures-table">
              <HeadRow
                first={t('selection.figures.posting')}
                numeric={[
                  ...stages.map((s) => t(`selection.stages.${s}`)),
                  t('selection.figures.total'),
                ]}
              />
              <tbody>
                {data.perPosting.map((p) => (
                  <tr key={p.postingId}>
                    <th scope="row">
                      <Link
                        href={`/programs/${encodeURIComponent(programId)}/selection/${encodeURIComponent(p.postingId)}`}
                      >
                        {p.title}
                      </Link>
                      <span className="muted small">{p.teamName}</span>
                    </th>
                    {stages.map((s) => (
                      <td key={s} className="num">
                        {n(p.counts[s])}
                      </td>
                    ))}
                    <td className="num">
                      <strong>{n(Object.values(p.counts).reduce((a, b) => a + b, 0))}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('selection.figures.total')}</th>
                  {stages.map((s) => (
                    <td key={s} className="num">
                      {n(data.stageCounts[s])}
                    </td>
                  ))}
                  <td className="num">
                    <strong>{n(Object.values(data.stageCounts).reduce((a, b) => a + b, 0))}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <div className="figures__pair">
        <section className="selection-section card" aria-labelledby="per-team-title">
          <h2 id="per-team-title" className="selection-section__title">
            {t('selection.figures.perTeam')}
          </h2>
          <div className="table-scroll">
            <table className="figures-table">
              <HeadRow
                first={t('selection.figures.team')}
                numeric={[
                  t('completeness.label'),
                  t('selection.figures.rounds'),
                  t('selection.figures.members'),
                ]}
              />
              <tbody>
                {data.perTeam.map((team) => (
                  <tr key={team.teamId}>
                    <th scope="row">
                      <Link href={`/teams/${encodeURIComponent(team.teamId)}`}>{team.name}</Link>
                    </th>
                    <td className="num">
                      <span className="mini-meter" aria-hidden="true">
                        <span style={{ width: `${team.completeness}%` }} />
                      </span>
                      {formatPercent(team.completeness, language)}
                    </td>
                    <td className="num">{n(team.rounds)}</td>
                    <td className="num">{n(team.members)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="selection-section card" aria-labelledby="pool-source-title">
          <h2 id="pool-source-title" className="selection-section__title">
            {t('selection.figures.poolBySource')}
          </h2>
          <dl className="source-list">
            {POOL_SOURCES.map((source) => (
              <div key={source}>
                <dt>{t(`selection.pool.sources.${source}`)}</dt>
                <dd>
                  {t('selection.figures.people', {
                    count: data.talentPoolBySource[source],
                    formatted: n(data.talentPoolBySource[source]),
                  })}
                </dd>
              </div>
            ))}
          </dl>
          <Link
            className="button button--small"
            href={`/pool?programId=${encodeURIComponent(programId)}`}
          >
            {t('selection.nav.pool')}
          </Link>
        </section>
      </div>
    </>
  )
}

/** A table's column headings: the row-name column, then numeric columns aligned right. */
function HeadRow({ first, numeric }: { first: string; numeric: readonly string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {numeric.map((label) => (
          <th key={label} scope="col" className="num">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  )
}
