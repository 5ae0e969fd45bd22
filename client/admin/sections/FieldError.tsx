/** The API's message for one field, tied to its input by id (aria-describedby). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} class="field-error">
      {message}
    </p>
  ) : null;
}

/** Props that mark an input invalid and point at its message (after any hint it already has). */
export function invalid(id: string, message?: string, hint?: string) {
  if (!message) return hint ? { "aria-describedby": hint } : {};
  return { "aria-invalid": true as const, "aria-describedby": hint ? `${hint} ${id}` : id };
}
