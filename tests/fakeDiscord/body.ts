// Reads a request body as discord.js sends it: JSON, or multipart with payload_json + files[n].
import type { IncomingMessage } from 'node:http';
import type { UploadedFile } from './types.ts';

export interface ParsedBody {
  json: unknown;
  files: UploadedFile[];
}

/** Parses a JSON or multipart/form-data request body. */
export async function readBody(request: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const contentType = request.headers['content-type'] ?? '';
  if (raw.length === 0) return { json: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) return readMultipart(raw, contentType);
  return { json: JSON.parse(raw.toString('utf8')), files: [] };
}

async function readMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Response(new Uint8Array(raw), {
    headers: { 'content-type': contentType },
  }).formData();
  let json: unknown;
  const files: UploadedFile[] = [];
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') json = JSON.parse(value);
      continue;
    }
    files.push({
      field,
      name: value.name,
      contentType: value.type,
      data: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { json, files };
}
