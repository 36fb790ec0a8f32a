import { LANGS, type Lang } from '../i18n';
import { useT } from '../i18n/useT';
import { useAppStore } from '../store/StoreContext';

const LABEL_KEY = { 'zh-CN': 'shell.lang.zh', en: 'shell.lang.en' } as const;
const NAME_KEY = { 'zh-CN': 'shell.lang.zh.name', en: 'shell.lang.en.name' } as const;

/** A two-button toggle; the pressed state tells assistive technology which language is on. */
export function LanguageSwitch() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  return (
    <div role="group" aria-label={t('shell.lang.switch')} className="toggle">
      {LANGS.map((option: Lang) => (
        <button key={option} type="button" aria-pressed={option === lang} onClick={() => setLang(option)}>
          {/* The short label is what the eye reads; the full name, in the page's language, is what is announced. */}
          <span lang={option} aria-hidden="true">
            {t(LABEL_KEY[option])}
          </span>
          <span className="visually-hidden">{t(NAME_KEY[option])}</span>
        </button>
      ))}
    </div>
  );
}
