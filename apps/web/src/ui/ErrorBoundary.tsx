import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Failure({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="card" role="alert">
      <p>{t('errors.page')}</p>
      <div className="row">
        <button type="button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
        <button type="button" className="secondary" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      </div>
    </div>
  );
}

/**
 * Keeps the header usable when a page fails to render, e.g. a page chunk that no longer exists after a new version
 * of the portal was deployed: the reader is offered a reload instead of a blank page. `resetKey` (the path) clears it.
 */
export class ErrorBoundary extends Component<
  { resetKey: string; children: ReactNode },
  { failed: boolean; key: string }
> {
  override state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { failed: boolean; key: string }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  override render() {
    if (this.state.failed) return <Failure onRetry={() => this.setState({ failed: false })} />;
    return this.props.children;
  }
}
