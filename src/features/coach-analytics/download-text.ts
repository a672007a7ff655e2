// Offers a text file to the user: the browser saves it (no server involved, so
// the CSV of the figures on the device downloads offline too).

export function downloadText(text: string, filename: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // revoked later: some browsers read the blob after click() returns
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
