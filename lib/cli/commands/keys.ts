import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { decodePublicKey, generateSigningKeys, signListBytes, verifyListSignature } from '../../lists/signature';
import { CliError, isGzip, listBytes, readSource, readText, type Command } from '../io';

export const keygenCommand: Command = {
  summary: 'make an Ed25519 key pair: KEYFILE (secret) and KEYFILE.pub (publish it)',
  usage: `saring-list keygen -o KEYFILE

Writes the private key to KEYFILE (readable by you only; keep it secret and backed up) and the
public key to KEYFILE.pub (base64 of the raw 32 bytes: publish it next to your list and in
subscribe links). Refuses to overwrite an existing KEYFILE.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { output: { type: 'string', short: 'o' } } });
    if (!values.output) throw new CliError('keygen needs -o KEYFILE');
    // Overwriting a key would orphan every subscription pinned to it.
    if (existsSync(values.output)) throw new CliError(`${values.output}: already exists; not overwritten`);
    const keys = await generateSigningKeys();
    await writeFile(values.output, `${keys.privateKey}\n`, { mode: 0o600 });
    await writeFile(`${values.output}.pub`, `${keys.publicKey}\n`);
    io.out(`wrote ${values.output} (private, keep secret) and ${values.output}.pub (public):`);
    io.out(keys.publicKey);
    return 0;
  },
};

export const signCommand: Command = {
  summary: 'sign a list file: writes LIST.sig',
  usage: `saring-list sign LIST --key KEYFILE

Signs the exact bytes of LIST and writes the base64 signature to LIST.sig. Publish both; any
change to LIST after signing (even re-formatting) needs a new signature.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { key: { type: 'string' } } });
    if (positionals.length !== 1 || !values.key) throw new CliError('sign needs LIST and --key KEYFILE');
    const list = positionals[0]!;
    const signature = await signListBytes(await readSource(list), await readText(values.key)).catch(
      (error: unknown) => {
        throw new CliError(`${values.key}: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    await writeFile(`${list}.sig`, `${signature}\n`);
    io.out(`wrote ${list}.sig`);
    return 0;
  },
};

/** A public key given as a file (KEYFILE.pub) or as the base64 itself. */
async function publicKeyFrom(value: string): Promise<string> {
  return existsSync(value) ? (await readText(value)).trim() : value.trim();
}

export const verifyCommand: Command = {
  summary: 'check LIST.sig against a public key (exit 0 valid, 1 not)',
  usage: `saring-list verify LIST --pub KEY [--sig SIGFILE]

KEY is a .pub file or the base64 public key itself. The signature is read from LIST.sig (or
SIGFILE); LIST and SIGFILE may be URLs, to check what a host actually serves. For a gzipped
LIST (list.json.gz) without a .sig of its own, the signature of the list inside it is checked:
list.json.sig over the decompressed bytes.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { pub: { type: 'string' }, sig: { type: 'string' } },
    });
    if (positionals.length !== 1 || !values.pub) throw new CliError('verify needs LIST and --pub KEY');
    const list = positionals[0]!;
    const publicKey = await publicKeyFrom(values.pub);
    try {
      decodePublicKey(publicKey);
    } catch (error) {
      throw new CliError(`${values.pub}: ${(error as Error).message}`);
    }
    let bytes = await readSource(list);
    let sigSource = values.sig ?? `${list}.sig`;
    // list.json.gz is list.json compressed for hosts that do not compress: its signature is list.json's.
    const gzipped = !values.sig && /\.gz$/i.test(list) && isGzip(bytes);
    let signature = await readText(sigSource).catch((error: unknown) => {
      if (gzipped && error instanceof CliError) return null;
      throw error;
    });
    if (signature === null) {
      bytes = listBytes(list, bytes);
      sigSource = `${list.replace(/\.gz$/i, '')}.sig`;
      signature = await readText(sigSource);
    }
    const valid = await verifyListSignature(bytes, signature, publicKey);
    if (valid) io.out(`${list}: signature valid`);
    else io.err(`${list}: signature NOT valid for this key (${sigSource})`);
    return valid ? 0 : 1;
  },
};
