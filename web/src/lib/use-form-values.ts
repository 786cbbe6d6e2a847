import { useCallback, useState } from 'react';

/** Controlled form values with a typed setter per field; enough for the app's small forms. */
export function useFormValues<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => setValues((v) => ({ ...v, [key]: value })), []);
  const reset = useCallback((next: T) => setValues(next), []);
  return { values, set, reset };
}

/** Empty text means "no value" for optional text columns. */
export function nullIfBlank(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
