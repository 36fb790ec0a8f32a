/**
 * The page half of export: saves a Blob as a file through a temporary `<a download>`. The only module of
 * src/share that touches the DOM; the document is passed in so a test can use its own.
 */
export function downloadBlob(doc: Document, blob: Blob, fileName: string): void {
  const view = doc.defaultView;
  if (!view) return;
  const url = view.URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoke after the click has been handled; revoking at once cancels the download in some browsers.
    view.setTimeout(() => view.URL.revokeObjectURL(url), 0);
  }
}
