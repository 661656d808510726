type Attributes = Record<string, unknown>;

function isPlainObject(value: unknown): value is Attributes {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pickPath(source: Attributes, target: Attributes, path: readonly string[]): void {
  const [head, ...rest] = path;
  if (head === undefined || !(head in source)) return;
  const value = source[head];
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  if (!isPlainObject(value)) return;
  const existing = target[head];
  // A parent picked whole already holds every child.
  if (existing !== undefined && existing === value) return;
  const nested = isPlainObject(existing) ? existing : {};
  target[head] = nested;
  pickPath(value, nested, rest);
}

/**
 * Narrows a resource's attributes to a sparse fieldset (`fields[event]=datetime,uuid`); dotted
 * names pick nested attributes (`contact_information.street_address.city`). `id` names the
 * resource id, not an attribute, so it picks nothing here. Without a fieldset, all attributes.
 */
export function pickFields(attributes: Attributes, fields: readonly string[] | undefined): Attributes {
  if (fields === undefined) return attributes;
  const picked: Attributes = {};
  // Shorter paths first, so a parent picked whole is never replaced by a partial copy.
  const paths = [...fields].sort((a, b) => a.split('.').length - b.split('.').length);
  for (const field of paths) pickPath(attributes, picked, field.split('.'));
  return picked;
}
