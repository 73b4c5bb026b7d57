// Open an age file with typage: node typage_decrypt.mjs IDENTITY_FILE AGE_FILE
// writes the plaintext to stdout; a failure exits 1 with typage's message on stderr.
import { readFileSync } from "node:fs";
import { Decrypter } from "age-encryption";

const [identityFile, ageFile] = process.argv.slice(2);
const decrypter = new Decrypter();
decrypter.addIdentity(readFileSync(identityFile, "utf8").trim());
try {
  const plain = await decrypter.decrypt(new Uint8Array(readFileSync(ageFile)));
  process.stdout.write(plain);
} catch (err) {
  process.stderr.write(`typage: ${err.message}\n`);
  process.exit(1);
}
