// Serving: the built web app's hashed assets go out precompressed (br or gzip, as accepted)
// and immutable, index.html revalidated; large API JSON is compressed on the fly and small
// answers are left as they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { testApp } from '../helpers/app.ts';
import { webDistDir } from '../../server/build-web.ts';
import { COMPRESS_THRESHOLD_BYTES } from '../../server/plugins/static.ts';

const decode = (body: Buffer, encoding: string | undefined): Buffer =>
  encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

describe('the built web app (dist/web, built by tests/global-setup.ts)', () => {
  const script = readdirSync(join(webDistDir, 'assets')).find((f) => /^index-.+\.js$/.test(f));

  it('writes .br and .gz next to each hashed asset', () => {
    expect(script).toBeDefined();
    const files = readdirSync(join(webDistDir, 'assets'));
    expect(files).toContain(`${script}.br`);
    expect(files).toContain(`${script}.gz`);
  });

  it.each(['br', 'gzip'])(
    'answers a hashed asset with %s when accepted, immutable',
    async (enc) => {
      const res = await app.inject({
        url: `/assets/${script}`,
        headers: { 'accept-encoding': enc },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(enc);
      expect(res.headers['content-type']).toContain('javascript');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      const original = readFileSync(join(webDistDir, 'assets', script!));
      expect(res.rawPayload.length).toBeLessThan(original.length / 3);
      expect(decode(res.rawPayload, enc).equals(original)).toBe(true);
    },
  );

  it('answers the plain file to a client that accepts no encoding', async () => {
    const res = await app.inject({
      url: `/assets/${script}`,
      headers: { 'accept-encoding': 'identity' },
    });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.equals(readFileSync(join(webDistDir, 'assets', script!)))).toBe(true);
  });

  it('serves index.html with no-cache, at / and by name', async () => {
    for (const url of ['/', '/index.html']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      const html = decode(res.rawPayload, res.headers['content-encoding'] as string).toString();
      expect(html).toContain('<!doctype html>');
    }
  });
});

describe('on-the-fly compression', () => {
  it('compresses a web file that has no precompressed copy', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>planner</title>');
    const css = `body { color: red; }\n`.repeat(400);
    writeFileSync(join(webDir, 'assets', 'main-abc123.css'), css);
    const web = await testApp({ webDir });
    try {
      const res = await web.inject({
        url: '/assets/main-abc123.css',
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['cache-control']).toContain('immutable');
      expect(gunzipSync(res.rawPayload).toString()).toBe(css);
    } finally {
      await web.close();
    }
  });

  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
  ])('GET /api/sites with accept-encoding "%s" answers %s, the same JSON', async (accept, enc) => {
    const plain = await app.inject({ url: '/api/sites' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(100_000);
    const res = await app.inject({ url: '/api/sites', headers: { 'accept-encoding': accept } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(enc);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe(plain.headers['cache-control']);
    expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(decode(res.rawPayload, enc).toString())).toEqual(plain.json());
  });

  it(`leaves answers under ${COMPRESS_THRESHOLD_BYTES} bytes uncompressed`, async () => {
    const res = await app.inject({
      url: '/api/health',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json().status).toBe('ok');
  });
});
