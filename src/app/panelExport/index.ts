import { downloadBlob } from '../../share/download';
import { panelExportFileName, type ExportFormat, type ExportNaming } from './fileName';
import { svgToPng } from './rasterize';
import { snapshotElement } from './snapshot';
import { wrapInSvg } from './svgWrap';

export { EXPORT_SKIP_ATTRIBUTE } from './snapshot';
export type { ExportFormat, ExportNaming } from './fileName';

/** Where an export failed, for the message the page shows (`panelExport.stage.*`). */
export type ExportStage = 'copy' | 'draw' | 'save';

export type PanelExportResult =
  { ok: true; fileName: string } | { ok: false; stage: ExportStage; detail: string };

/**
 * Saves a picture of the panel `section` as it looks now. Never throws (it runs from a click handler,
 * outside React's error boundaries): a failure comes back as a result, which the page shows.
 */
export async function exportPanel(
  section: HTMLElement,
  format: ExportFormat,
  naming: ExportNaming & { title: string },
): Promise<PanelExportResult> {
  let stage: ExportStage = 'copy';
  try {
    const doc = section.ownerDocument;
    const snapshot = snapshotElement(section);
    const svg = wrapInSvg({ ...snapshot, title: naming.title });
    stage = 'draw';
    const blob =
      format === 'svg'
        ? new Blob([svg], { type: 'image/svg+xml' })
        : await svgToPng(doc, svg, snapshot.width, snapshot.height);
    stage = 'save';
    const fileName = panelExportFileName(naming, format);
    downloadBlob(doc, blob, fileName);
    return { ok: true, fileName };
  } catch (error) {
    return { ok: false, stage, detail: describe(error) };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  // `image.decode()` rejects with an EncodingError; anything else thrown is shown by its type.
  return Object.prototype.toString.call(error);
}
