import { useId, useState } from 'react';
import type { Lang } from '../../i18n';
import { shareErrorText } from '../../i18n/problemText';
import type { Scenario } from '../../scenario';
import {
  exportScenarioText,
  importScenarioFile,
  importScenarioText,
  scenarioBlob,
  scenarioFileName,
  shareUrl,
} from '../../share';
import { downloadBlob } from '../../share/download';
import type { Draft } from './draft';
import type { T } from './fields';

/**
 * The scenario as JSON text: edit and apply it, import a file, export it, and copy a share link. Text that
 * does not validate is never applied; its problems are listed with their paths.
 */
export function JsonTab({
  draft,
  lastValid,
  step,
  t,
  lang,
  onApply,
}: {
  draft: Draft;
  lastValid: Scenario | null;
  step: number;
  t: T;
  lang: Lang;
  onApply: (scenario: Scenario) => void;
}) {
  const [text, setText] = useState(() => exportScenarioText(draft as Scenario));
  const [problems, setProblems] = useState<string[]>([]);
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);
  const textId = useId();
  const problemsId = useId();

  const take = (result: ReturnType<typeof importScenarioText>) => {
    if (result.ok) {
      setProblems([]);
      setText(exportScenarioText(result.scenario));
      onApply(result.scenario);
    } else {
      setProblems(result.errors.map((e) => shareErrorText(lang, e)));
    }
  };

  const copyLink = async () => {
    const scenario = lastValid ?? (draft as Scenario);
    const url = shareUrl(window.location.href, scenario, step);
    const copied = await navigator.clipboard.writeText(url).then(
      () => true,
      () => false,
    );
    setLink({ url, copied });
  };

  return (
    <div className="se-json">
      <label htmlFor={textId}>{t('editor.json.label')}</label>
      <textarea
        id={textId}
        className="se-json__text"
        spellCheck={false}
        value={text}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={problems.length > 0 ? problemsId : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="se-json__actions">
        <button type="button" onClick={() => take(importScenarioText(text))}>
          {t('editor.json.apply')}
        </button>
        <label className="se-file">
          {t('editor.json.import')}
          <input
            className="visually-hidden"
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importScenarioFile(file).then(take);
            }}
          />
        </label>
        <button
          type="button"
          onClick={() =>
            downloadBlob(document, scenarioBlob(draft as Scenario), scenarioFileName(draft as Scenario))
          }
        >
          {t('editor.json.export')}
        </button>
        <button type="button" onClick={() => void copyLink()}>
          {t('editor.share.copy')}
        </button>
      </div>
      {link && (
        <div className="se-share" role="status">
          {link.copied ? (
            <span>{t('editor.share.copied')}</span>
          ) : (
            <label>
              {t('editor.share.manual')}
              <input type="text" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
            </label>
          )}
        </div>
      )}
      {problems.length > 0 && (
        <ul id={problemsId} className="se-problems" role="alert">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
