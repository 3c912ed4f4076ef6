/** Types for policy/generate.mjs (used by the unit tests). */
export function extensionIds(): { chrome: string; gecko: string };
/** Every template's path inside policy/ and its content (a Buffer for the UTF-16 .reg files). */
export function templates(policy: Record<string, unknown>, ids?: { chrome: string; gecko: string }): Record<string, string | Buffer>;
