// A file the app holds (an export's bytes, a CSV of rejected lines) saved by the browser under a name of its own.
export function saveFile(content: BlobPart, name: string, type?: string): string {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], type ? { type } : {}));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000); // the browser has read it by then
  return name;
}

/** The name the API gave a file (`Content-Disposition: attachment; filename="…"`), or `fallback` without one. */
export function nameGiven(response: Response | undefined, fallback: string): string {
  return /filename="([^"]+)"/.exec(response?.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}
