import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NetworkRole, RecordVisibility, type EcoLabelSchemeResponse } from '@lcc/contracts';
import { useSession } from '../../api/session';
import { useFormat } from '../../ui/format';
import { Async, Empty } from '../../ui/states';
import { useApi } from '../../ui/use-api';
import { localLanguage } from '../cities/city-format';
import { DeleteButton } from '../cities/edit/DeleteButton';
import { RecognitionForm } from './RecognitionForm';
import { SchemeCategoryForm } from './SchemeCategoryForm';
import { SchemeForm } from './SchemeForm';
import { StepsForm } from './StepsForm';
import './eco-labels.css';

function SchemeDetails({ scheme }: { scheme: EcoLabelSchemeResponse }) {
  const { t } = useTranslation('ecolabels');
  const { state } = useSession();
  const format = useFormat();
  // What is open: the scheme, its steps, a new category (`category:new`) or one category's criteria.
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => setEditing(null);
  // The API lets coordinators and admins write eco-label records (route roles); nobody else sees the button.
  const staff =
    state.status === 'signed_in' &&
    (state.member.role === NetworkRole.Admin || state.member.role === NetworkRole.Coordinator);
  return (
    <article className="scheme-page">
      {editing === 'scheme' ? (
        <SchemeForm scheme={scheme} onDone={done} />
      ) : (
        <header className="card">
          <p className="muted">
            <Link to="/eco-labels">{t('scheme.back')}</Link>
          </p>
          <div className="spread">
            <h1>
              {scheme.name}
              {scheme.localName && (
                <>
                  {' '}
                  <span className="local-name" lang={localLanguage(scheme.country)}>
                    {scheme.localName}
                  </span>
                </>
              )}
            </h1>
            <div className="row">
              {staff && editing === null && (
                <button type="button" className="secondary" onClick={() => setEditing('scheme')}>
                  {t('edit.edit')}
                </button>
              )}
              {state.status === 'signed_in' && scheme.roomId && (
                <Link className="button secondary" to={`/rooms/${scheme.roomId}`}>
                  {t('scheme.discuss')}
                </Link>
              )}
            </div>
          </div>
          <dl className="facts">
            <dt>{t('scheme.country')}</dt>
            <dd>{format.country(scheme.country)}</dd>
            <dt>{t('scheme.operator')}</dt>
            <dd>{scheme.operator}</dd>
            <dt>{t('scheme.established')}</dt>
            <dd>{scheme.establishedYear ?? '—'}</dd>
            <dt>{t('scheme.website')}</dt>
            <dd className="break">
              {scheme.website ? (
                <a href={scheme.website} rel="noopener noreferrer" target="_blank">
                  {scheme.website}
                </a>
              ) : (
                '—'
              )}
            </dd>
          </dl>
          {scheme.visibility === RecordVisibility.Network && <p className="tag">{t('scheme.networkOnly')}</p>}
          {scheme.description && <p className="prewrap">{scheme.description}</p>}
        </header>
      )}

      {editing === 'steps' ? (
        <StepsForm scheme={scheme} onDone={done} />
      ) : (
        <section className="card" aria-labelledby="scheme-steps">
          <div className="spread">
            <h2 id="scheme-steps">{t('scheme.steps')}</h2>
            {staff && editing === null && (
              <button type="button" className="secondary" onClick={() => setEditing('steps')}>
                {t('edit.editSteps')}
              </button>
            )}
          </div>
          {scheme.certificationSteps.length === 0 ? (
            <Empty>{t('scheme.noSteps')}</Empty>
          ) : (
            <ol className="steps">
              {scheme.certificationSteps.map((step) => (
                <li key={step.position}>
                  <strong>{step.title}</strong>
                  {step.durationDays !== null && (
                    <span className="muted"> · {t('scheme.days', { count: step.durationDays })}</span>
                  )}
                  {step.description && <p>{step.description}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      <section className="card" aria-labelledby="scheme-categories">
        <div className="spread">
          <h2 id="scheme-categories">{t('scheme.categories')}</h2>
          {staff && editing === null && (
            <button type="button" className="secondary" onClick={() => setEditing('category:new')}>
              {t('edit.addCategory')}
            </button>
          )}
        </div>
        {editing === 'category:new' && <SchemeCategoryForm scheme={scheme} onDone={done} />}
        {scheme.categories.length === 0 ? (
          <Empty>{t('scheme.noCategories')}</Empty>
        ) : (
          scheme.categories.map((item) =>
            editing === `category:${item.category.id}` ? (
              <SchemeCategoryForm key={item.category.id} scheme={scheme} current={item} onDone={done} />
            ) : (
              <section key={item.category.id} aria-labelledby={`category-${item.category.id}`}>
                <div className="spread">
                  <h3 id={`category-${item.category.id}`}>
                    {item.category.name}
                    {item.standardCode && <span className="muted"> · {item.standardCode}</span>}
                  </h3>
                  <Link to={`/eco-labels/compare?categoryId=${item.category.id}`}>{t('scheme.compareCategory')}</Link>
                </div>
                {staff && editing === null && (
                  <p className="row">
                    <button type="button" className="link" onClick={() => setEditing(`category:${item.category.id}`)}>
                      {t('edit.editCriteria', { category: item.category.name })}
                    </button>
                    <DeleteButton
                      label={t('edit.removeCategory', { category: item.category.name })}
                      question={t('edit.removeCategoryQuestion', { category: item.category.name })}
                      path={`/eco-labels/schemes/${scheme.id}/categories/${item.category.id}`}
                      invalidates={['/eco-labels']}
                    />
                  </p>
                )}
                {item.criteria.length === 0 ? (
                  <Empty>{t('scheme.noCriteria')}</Empty>
                ) : (
                  <div className="table-scroll">
                    <table>
                      <caption className="visually-hidden">
                        {t('scheme.criteriaOf', { category: item.category.name })}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('criteria.aspect')}</th>
                          <th scope="col">{t('criteria.title')}</th>
                          <th scope="col">{t('criteria.requirement')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {item.criteria.map((criterion) => (
                          <tr key={criterion.id}>
                            <td>{t(`aspect.${criterion.aspect}`)}</td>
                            <td>{criterion.title}</td>
                            <td>{criterion.requirement ?? '—'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            ),
          )
        )}
      </section>

      <section className="card" aria-labelledby="scheme-recognitions">
        <div className="spread">
          <h2 id="scheme-recognitions">{t('scheme.recognitions')}</h2>
          {staff && editing === null && (
            <button type="button" className="secondary" onClick={() => setEditing('recognition:new')}>
              {t('edit.addRecognition')}
            </button>
          )}
        </div>
        {editing === 'recognition:new' && <RecognitionForm scheme={scheme} onDone={done} />}
        {scheme.recognitions.length === 0 ? (
          <Empty>{t('scheme.noRecognitions')}</Empty>
        ) : (
          <ul className="list">
            {scheme.recognitions.map((recognition) => {
              const other = recognition.schemes.find((item) => item.id !== scheme.id) ?? recognition.schemes[0];
              return (
                <li key={recognition.id}>
                  <Link to={`/eco-labels/schemes/${other.id}`}>{other.name}</Link>{' '}
                  <span className="muted">({format.country(other.country)})</span>{' '}
                  <span className="tag">{t(`recognitionStatus.${recognition.status}`)}</span>
                  {recognition.signedYear !== null && (
                    <span className="muted"> · {t('scheme.signed', { year: recognition.signedYear })}</span>
                  )}
                  {recognition.categoryIds.length > 0 && (
                    <div className="muted">
                      {t('scheme.coveredCategories', {
                        list: recognition.categoryIds
                          .map((id) => scheme.categories.find((item) => item.category.id === id)?.category.name ?? '')
                          .filter(Boolean)
                          .join(', '),
                      })}
                    </div>
                  )}
                  {recognition.description && <p>{recognition.description}</p>}
                  {staff && editing === null && (
                    <DeleteButton
                      label={t('edit.deleteRecognition', { name: other.name })}
                      question={t('edit.deleteRecognitionQuestion', { name: other.name })}
                      path={`/eco-labels/recognitions/${recognition.id}`}
                      invalidates={['/eco-labels']}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="scheme-documents">
        <h2 id="scheme-documents">{t('scheme.documents')}</h2>
        {scheme.documents.length === 0 ? (
          <Empty>{t('scheme.noDocuments')}</Empty>
        ) : (
          <ul>
            {scheme.documents.map((document) => (
              <li key={document.id}>
                <Link to={`/documents/${document.id}`}>{document.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/** One eco-label scheme: operator, certification steps, categories with criteria, recognitions and documents. */
export default function SchemePage() {
  const { id = '' } = useParams();
  const scheme = useApi<EcoLabelSchemeResponse>(`/eco-labels/schemes/${id}`);
  return <Async state={scheme}>{(current) => <SchemeDetails key={current.id} scheme={current} />}</Async>;
}
