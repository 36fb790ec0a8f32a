import { useT } from '../../i18n/useT';
import { compareHref } from './compareRun';
import './compareLink.css';

/** The header's way into the comparison: a link, so it also opens in a new tab. */
export function CompareLink() {
  const t = useT();
  return (
    <a
      className="topbar-link compare-open"
      href={compareHref(window.location.href, true)}
      title={t('compare.open.hint')}
    >
      {t('compare.open')}
    </a>
  );
}
