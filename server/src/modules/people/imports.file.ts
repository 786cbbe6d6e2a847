/**
 * The uploaded personnel file is kept in the database (so any instance can validate or resume it) in
 * 1 MB chunks, each encrypted with AES-256-GCM under a key derived from SESSION_SECRET: the file holds
 * citizen IDs in clear, and it lives only until the import is committed, found invalid, or expires.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/client.js';
import { deriveKey } from '../../lib/crypto.js';
import type { Spooled, TableFormat } from '../../lib/tabular.js';
import * as repo from './imports.repository.js';

const CHUNK_BYTES = 1024 * 1024;

const fileKey = (secret: string) => deriveKey(secret, 'person-import-file');

function seal(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]);
}

function open(key: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

/** Copies a spooled upload into the database, chunk by chunk, inside the caller's transaction. */
export async function storeImportFile(tx: Db, secret: string, importId: string, file: Spooled): Promise<void> {
  const key = fileKey(secret);
  let seq = 0;
  for await (const chunk of createReadStream(file.path, { highWaterMark: CHUNK_BYTES })) {
    await repo.insertFileChunk(tx, importId, seq++, seal(key, chunk as Buffer));
  }
}

/** Writes the stored file back to a private temporary file (an instance resuming another's validation). */
export async function materializeImportFile(db: Db, secret: string, importId: string, format: TableFormat): Promise<Spooled> {
  const dir = await mkdtemp(join(tmpdir(), 'thaksa-import-'));
  const path = join(dir, `upload.${format}`);
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const key = fileKey(secret);
    const out = createWriteStream(path, { mode: 0o600 });
    const count = await repo.countFileChunks(db, importId);
    for (let seq = 0; seq < count; seq++) {
      const sealed = await repo.findFileChunk(db, importId, seq);
      if (!sealed) throw new Error(`chunk ${seq} of import ${importId} is missing`);
      if (!out.write(open(key, sealed))) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    return { path, format, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
