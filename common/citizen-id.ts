/** Thai 13-digit citizen (and juristic) ID: weights 13…2 over the first 12 digits, check = (11 − sum mod 11) mod 10. */
export function isValidThaiId(raw: string): boolean {
  const id = raw.replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(id[12]);
}

/** Completes 12 digits with their check digit. */
export function withCheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return first12 + String((11 - (sum % 11)) % 10);
}

/** `1-2345-xxxxx-xx-1`: first five and the check digit shown, the rest hidden. */
export function maskThaiId(raw: string): string {
  const id = raw.replace(/[\s-]/g, '');
  return `${id[0]}-${id.slice(1, 5)}-xxxxx-xx-${id[12]}`;
}
