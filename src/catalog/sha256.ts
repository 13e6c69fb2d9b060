// Table digests use @noble/hashes (audited, synchronous, browser-safe): neither node:crypto nor
// the async WebCrypto API, so the engine runs unchanged in Node and in browsers.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** The hex SHA-256 of a string's UTF-8 bytes. @internal */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
