/** Saves a blob as a file through a temporary `<a download>`, which browsers treat as a download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel a download that has not started yet; a minute is plenty.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
