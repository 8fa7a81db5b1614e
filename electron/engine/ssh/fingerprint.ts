/** Host key fingerprints and key types, as OpenSSH shows them. */
import { createHash } from 'node:crypto';

/** `SHA256:<base64 of sha256(key blob), no padding>`, exactly as `ssh-keygen -lf` prints it. */
export function sha256Fingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type a public key blob names in its first field (`ssh-ed25519`, `ssh-rsa`, ...). */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return '';
  const length = keyBlob.readUInt32BE(0);
  if (length > keyBlob.length - 4 || length > 64) return '';
  return keyBlob.toString('latin1', 4, 4 + length);
}
