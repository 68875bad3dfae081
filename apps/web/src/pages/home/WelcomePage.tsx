import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The public front page for visitors who are not signed in. */
export default function WelcomePage() {
  const { t } = useTranslation('home');
  return (
    <section className="card">
      <h1>{t('public.title')}</h1>
      <p>{t('public.intro')}</p>
      <div className="row">
        <Link className="button" to="/sign-in">
          {t('public.signIn')}
        </Link>
        <Link className="button secondary" to="/register">
          {t('public.register')}
        </Link>
        <Link to="/library">{t('public.library')}</Link>
      </div>
    </section>
  );
}
