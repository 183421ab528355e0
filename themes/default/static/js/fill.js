// Messages the build localized carry `{name}` placeholders for what only the
// page knows (a count, an offer, a measured time). One pass fills them, so a
// filled-in value is never read as a placeholder again.

/** `template` with each `{name}` that `values` has replaced; others stay as written. */
export function fill(template, values) {
  return String(template ?? "").replace(/\{([a-z]+)\}/g, (whole, name) =>
    values && Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
