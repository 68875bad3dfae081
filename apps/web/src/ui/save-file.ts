/** Hands data to the browser as a download under `fileName`, through a short-lived Blob URL. */
export function saveFile(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the Blob asynchronously after the click; free it a little later.
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}
