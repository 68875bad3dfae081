import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../../../ui/save-file';

/** New recovery codes, shown this once, to copy or download before going on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation('twofactor');
  const [copied, setCopied] = useState(false);
  const text = `${t('recovery.fileHeading')}\n\n${codes.join('\n')}\n`;

  return (
    <section aria-labelledby="recovery-codes" className="recovery-codes">
      <h3 id="recovery-codes">{t('recovery.title')}</h3>
      <p className="muted">{t('recovery.hint')}</p>
      <ol style={{ columns: 2, fontFamily: 'monospace' }}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}
        >
          {copied ? t('common:copied') : t('common:copy')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => saveFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), 'lcc-recovery-codes.txt')}
        >
          {t('recovery.download')}
        </button>
        <button type="button" onClick={onDone}>
          {t('recovery.done')}
        </button>
      </div>
    </section>
  );
}
