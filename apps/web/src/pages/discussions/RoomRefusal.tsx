import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiError } from '../../api/client';
import { ErrorNotice } from '../../ui/states';

/**
 * A room (or a link to one of its messages) the reader may not open: the API answers 404 alike for a room that does
 * not exist and one they are not in (or have left), so the words cover both and say what to do.
 */
export function RoomRefusal({ error }: { error: ApiError }) {
  const { t } = useTranslation('discussions');
  if (error.status !== 404 && error.status !== 403) return <ErrorNotice error={error} />;
  return (
    <section className="card room-refused">
      <h1>{t('roomRefused.title')}</h1>
      <p className="error" role="alert">
        {t('roomRefused.text')}
      </p>
      <Link to="/rooms">{t('roomRefused.back')}</Link>
    </section>
  );
}
