/**
 * Detached Ed25519 signatures over a list file's exact bytes, with WebCrypto (the same code runs
 * in Node 20 and in the extension). Public keys travel as base64 of the raw 32 bytes, private keys
 * as base64 of PKCS#8 (WebCrypto exports Ed25519 private keys in no raw form), signatures as base64.
 */

const ED25519 = { name: 'Ed25519' } as const;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Bytes from base64 (spaces and line breaks ignored), or null when it is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  return Uint8Array.from(atob(clean), (char) => char.charCodeAt(0));
}

/** WebCrypto takes bytes backed by an ArrayBuffer (not a SharedArrayBuffer): copy only if not. */
function cryptoBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** The raw 32-byte public key from its base64, or an error saying what is wrong with it. */
export function decodePublicKey(publicKeyBase64: string): Uint8Array<ArrayBuffer> {
  const bytes = fromBase64(publicKeyBase64);
  if (!bytes || bytes.length !== PUBLIC_KEY_BYTES) {
    throw new Error('Not an Ed25519 public key: expected base64 of 32 bytes');
  }
  return bytes;
}

/** Whether text is a usable public key (for a subscription's pinned key). */
export function isPublicKey(publicKeyBase64: string): boolean {
  const bytes = fromBase64(publicKeyBase64);
  return bytes?.length === PUBLIC_KEY_BYTES;
}

/**
 * True only when `signatureBase64` is the publisher's signature over exactly these bytes.
 * A malformed signature or key is simply not valid: false, never an exception.
 */
export async function verifyListSignature(
  bytes: Uint8Array,
  signatureBase64: string,
  publicKeyBase64: string,
): Promise<boolean> {
  const signature = fromBase64(signatureBase64);
  if (!signature || signature.length !== SIGNATURE_BYTES || !isPublicKey(publicKeyBase64)) return false;
  try {
    const key = await crypto.subtle.importKey('raw', decodePublicKey(publicKeyBase64), ED25519, false, ['verify']);
    return await crypto.subtle.verify(ED25519, key, signature, cryptoBytes(bytes));
  } catch {
    return false;
  }
}

export interface KeyPairText {
  /** base64 PKCS#8: keep secret. */
  privateKey: string;
  /** base64 of the raw 32 bytes: publish it. */
  publicKey: string;
}

export async function generateSigningKeys(): Promise<KeyPairText> {
  const pair = await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify']);
  return {
    privateKey: toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey))),
    publicKey: toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))),
  };
}

/** The base64 signature of exactly these bytes with a base64 PKCS#8 private key. */
export async function signListBytes(bytes: Uint8Array, privateKeyBase64: string): Promise<string> {
  const pkcs8 = fromBase64(privateKeyBase64);
  if (!pkcs8) throw new Error('Not a private key: expected base64 PKCS#8 (as written by keygen)');
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
  } catch {
    throw new Error('Not an Ed25519 private key (as written by keygen)');
  }
  return toBase64(new Uint8Array(await crypto.subtle.sign(ED25519, key, cryptoBytes(bytes))));
}
