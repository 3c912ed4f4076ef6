// The extension's fixed identity, so that admin policy files can name it.
//
// Chrome derives an extension's id from the public key in the manifest's
// `key`: the first 128 bits of SHA-256(DER public key), written with the
// letters a–p. Keep EXTENSION_KEY and EXTENSION_ID together: a test checks
// that one is derived from the other, and policy/ templates use the id.
//
// Firefox names add-ons by `browser_specific_settings.gecko.id` instead.

/** Base64 DER (SubjectPublicKeyInfo) of the RSA public key: manifest `key`. */
export const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtZEfNDH+WUV9G1gFH7f2YkE5x6ixD1Fw4HYwiAWro1riGcVXaLqucYhjv0n6H9eyGRioDoUzlyBil6x6NB3tL2Q3P39DwD4WMSEBx0kYE62bVf7geEJd7Jpfk71XZkGX5wvEWnpbpo0NuyxE0NQy9zRssDrxLuLAIlusNWWgxDRdCST6Q+MFgveV1MVQJfzwVvURJbaHsm/Vcv6IoCmAxroIQ07EAcT+yzYufUrgkq9IcWs4VfnPvv0HeCmM93e8Zpwk6yCJHcrqLrwWyXJlexBxmX0xj1Os15uqKm6HhhS0NFueiulZ0Ix9pLxGyqBP2tcMYjX07E6EVAE5sHg7owIDAQAB';

/** Chrome / Chromium / Edge (when side-loaded or self-hosted) extension id. */
export const EXTENSION_ID = 'eoihngabiiommcfjkbdmbpjaldpopalj';

/** Firefox add-on id (manifest browser_specific_settings.gecko.id). */
export const GECKO_ID = 'postcheck@postcheck.app';

/** Derives the Chrome extension id from a base64 public key (for tests and tools). */
export async function extensionIdFromKey(keyBase64: string): Promise<string> {
  const der = Uint8Array.from(atob(keyBase64), (c) => c.charCodeAt(0));
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
  let id = '';
  for (const byte of hash.slice(0, 16)) {
    id += String.fromCharCode(97 + (byte >> 4), 97 + (byte & 15));
  }
  return id;
}
