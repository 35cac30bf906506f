/** Whether `name` is an IANA time zone this runtime knows, e.g. `Europe/Paris`. */
export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
