import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CityResponse, IndicatorValueResponse } from '@lcc/contracts';
import { SelectField } from '../../../ui/form';
import { Async, Empty } from '../../../ui/states';
import { YearLineChart } from '../charts';
import { useCityName, useIndicatorName, useNumbers } from '../city-format';
import { useApi } from '../../../ui/use-api';
import { DeleteButton } from '../edit/DeleteButton';
import { IndicatorValueForm } from '../edit/IndicatorValueForm';

/** Indicator series of the city, one chosen at a time, as a chart and a table. */
export function IndicatorSection({ city }: { city: CityResponse }) {
  const { t } = useTranslation('cities');
  const numbers = useNumbers();
  const indicatorName = useIndicatorName();
  const cityName = useCityName();
  const values = useApi<{ items: IndicatorValueResponse[] }>(`/indicator-values/export?format=json&cityId=${city.id}`);
  const [chosen, setChosen] = useState('');
  // `new`, a value's id, or nothing open.
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => setEditing(null);
  const codes = useMemo(
    () => [...new Set((values.data?.items ?? []).map((value) => value.indicator))].sort(),
    [values.data],
  );
  const code = codes.includes(chosen) ? chosen : codes.includes('total_ghg') ? 'total_ghg' : (codes[0] ?? '');
  const series = (values.data?.items ?? []).filter((value) => value.indicator === code).sort((a, b) => a.year - b.year);
  const unit = series[0]?.unit ?? '';
  const open = editing && editing !== 'new' ? series.find((value) => value.id === editing) : undefined;

  return (
    <section className="card" aria-labelledby="city-indicators">
      <div className="spread">
        <h2 id="city-indicators">{t('indicators.title')}</h2>
        {city.canEdit && editing === null && (
          <button type="button" className="secondary" onClick={() => setEditing('new')}>
            {t('edit.addValue')}
          </button>
        )}
      </div>
      {editing === 'new' && <IndicatorValueForm cityId={city.id} initialIndicator={code} onDone={done} />}
      {open && <IndicatorValueForm key={open.id} cityId={city.id} value={open} onDone={done} />}
      <Async state={values}>
        {() =>
          codes.length === 0 ? (
            <Empty>{t('indicators.empty')}</Empty>
          ) : (
            <>
              <div className="filters">
                <SelectField
                  label={t('indicators.choose')}
                  value={code}
                  onChange={(event) => setChosen(event.target.value)}
                  options={codes.map((value) => ({ value, label: indicatorName(value) }))}
                />
                <Link to={`/compare?indicator=${code}&cityIds=${city.id}`}>{t('indicators.compareLink')}</Link>
              </div>
              <YearLineChart
                series={[
                  { label: cityName(city), points: series.map((value) => ({ year: value.year, value: value.value })) },
                ]}
                unit={unit}
                summary={t('indicators.summary', {
                  indicator: indicatorName(code),
                  city: cityName(city),
                  from: series[0]?.year,
                  to: series.at(-1)?.year,
                  first: numbers.value(series[0]?.value),
                  last: numbers.value(series.at(-1)?.value),
                  unit,
                })}
              />
              <div className="table-scroll">
                <table>
                  <caption>{t('indicators.tableCaption', { indicator: indicatorName(code), unit })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('indicators.year')}</th>
                      <th scope="col" className="number">
                        {t('indicators.value')}
                      </th>
                      <th scope="col">{t('indicators.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {series.map((value) => (
                      <tr key={value.id}>
                        <th scope="row">{value.year}</th>
                        <td className="number">{numbers.value(value.value)}</td>
                        <td>
                          {value.source} <span className="muted">({t(`quality.${value.quality}`)})</span>
                          {city.canEdit && editing === null && (
                            <div className="row">
                              <button type="button" className="link" onClick={() => setEditing(value.id)}>
                                {t('edit.editValue', { year: value.year })}
                              </button>
                              <DeleteButton
                                label={t('edit.deleteValue', { year: value.year })}
                                question={t('edit.deleteValueQuestion', { year: value.year })}
                                path={`/indicator-values/${value.id}`}
                                invalidates={['/indicator-values', `/cities/${city.id}`, '/analysis']}
                              />
                            </div>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Async>
    </section>
  );
}
