import { isApiError } from '../api/ApiError';
import { errorMessage } from '../api/errorMessages';

/**
 * Splits a failed submit into what goes next to each field and what goes above the form.
 * `codeFields` places a conflict on its field, e.g. `{ email_taken: 'email' }`.
 */
export function formErrors(error: unknown, fields: readonly string[], codeFields: Record<string, string> = {}) {
  const byField: Record<string, string[]> = {};
  let summary: string | null = null;

  if (isApiError(error)) {
    const conflictField = codeFields[error.code];
    if (conflictField) byField[conflictField] = [errorMessage(error)];

    const unplaced: string[] = [];
    for (const [field, messages] of Object.entries(error.errors)) {
      if (fields.includes(field)) byField[field] = [...(byField[field] ?? []), ...messages];
      else unplaced.push(...messages);
    }

    if (unplaced.length > 0) summary = unplaced.join(' ');
    else if (!conflictField) summary = errorMessage(error);
  } else if (error) {
    summary = errorMessage(error);
  }

  return { field: (name: string) => byField[name], summary };
}
