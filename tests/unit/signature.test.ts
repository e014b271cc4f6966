import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodePublicKey,
  generateSigningKeys,
  isPublicKey,
  signListBytes,
  verifyListSignature,
} from '../../lib/lists/signature';

const example = (name: string) => new URL(`../fixtures/publish-example/${name}`, import.meta.url);

describe('list signatures (Ed25519 over the exact bytes)', () => {
  it('signs and verifies, and one changed byte fails', async () => {
    const keys = await generateSigningKeys();
    expect(decodePublicKey(keys.publicKey)).toHaveLength(32);
    const bytes = new TextEncoder().encode('{"saringList":1,"id":"x","name":"X","version":1,"items":[]}');
    const signature = await signListBytes(bytes, keys.privateKey);
    expect(await verifyListSignature(bytes, signature, keys.publicKey)).toBe(true);
    for (const at of [0, 17, bytes.length - 1]) {
      const tampered = bytes.slice();
      tampered[at]! ^= 1;
      expect(await verifyListSignature(tampered, signature, keys.publicKey)).toBe(false);
    }
    expect(await verifyListSignature(bytes, signature, (await generateSigningKeys()).publicKey)).toBe(false);
  });

  it('verifies the publishing example as served, byte for byte', async () => {
    const bytes = new Uint8Array(readFileSync(example('cek-fakta-contoh.json')));
    const signature = readFileSync(example('cek-fakta-contoh.json.sig'), 'utf8');
    const publicKey = readFileSync(example('saring-example.key.pub'), 'utf8').trim();
    expect(await verifyListSignature(bytes, signature, publicKey)).toBe(true);
    const reformatted = new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(bytes))));
    expect(await verifyListSignature(reformatted, signature, publicKey)).toBe(false);
  });

  it('answers false, never throws, for a malformed signature or key', async () => {
    const { publicKey } = await generateSigningKeys();
    const bytes = new Uint8Array([1, 2, 3]);
    for (const [signature, key] of [
      ['', publicKey],
      ['not base64!', publicKey],
      ['AAAA', publicKey],
      [btoa('x'.repeat(64)), 'short'],
    ]) {
      expect(await verifyListSignature(bytes, signature!, key!)).toBe(false);
    }
    expect(isPublicKey(publicKey)).toBe(true);
    expect(isPublicKey('AAAA')).toBe(false);
    expect(() => decodePublicKey('AAAA')).toThrow(/base64 of 32 bytes/);
    await expect(signListBytes(bytes, publicKey)).rejects.toThrow(/private key/);
  });
});
