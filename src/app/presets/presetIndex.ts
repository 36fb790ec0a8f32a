/**
 * The presets this build ships: the file names of `public/scenarios/*.json` (DESIGN.md: a preset's id is its
 * file name) with their titles. Only the `title` field of each file is bundled; the scenario itself is
 * fetched when it is opened.
 */
interface LocalizedText {
  en: string;
  zh: string;
}

const TITLES = import.meta.glob<LocalizedText | undefined>('../../../public/scenarios/*.json', {
  eager: true,
  import: 'title',
});

export interface PresetEntry {
  id: string;
  title: LocalizedText | null;
}

export const PRESETS: readonly PresetEntry[] = Object.entries(TITLES)
  .map(([path, title]) => ({
    id: path.slice(path.lastIndexOf('/') + 1, -'.json'.length),
    title: title && typeof title.en === 'string' && typeof title.zh === 'string' ? title : null,
  }))
  .sort((a, b) => a.id.localeCompare(b.id));
