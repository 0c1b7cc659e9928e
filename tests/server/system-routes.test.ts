import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp } from '../helpers/app.ts';

let app: FastifyInstance;
beforeEach(async () => {
  app = await testApp();
});
afterEach(async () => {
  await app.close();
});

describe('GET /api/health', () => {
  it('reports ok, the database kind and the data version, uncached', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: 'sqlite',
      dataVersion: app.geoData.version,
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('unknown routes', () => {
  it('answer 404 with the error shape', async () => {
    const res = await app.inject({ url: '/api/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for GET /api/nothing-here' },
    });
  });
});

describe('OpenAPI', () => {
  it('documents every data route at /docs/json', async () => {
    const res = await app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/health',
      '/api/campuses',
      '/api/campuses/{id}',
      '/api/sites',
      '/api/designs',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(
      doc.paths['/api/campuses'].get.parameters.map((p: { name: string }) => p.name),
    ).toContain('kind');
  });

  it('serves the interactive docs page at /docs', async () => {
    const res = await app.inject({ url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('static web app', () => {
  it('serves index.html revalidated and hashed assets as immutable', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>planner</title>');
    writeFileSync(join(webDir, 'assets', 'main-abc123.js'), 'console.log(1)');
    const web = await testApp({ webDir });
    try {
      const page = await web.inject({ url: '/' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      const asset = await web.inject({ url: '/assets/main-abc123.js' });
      expect(asset.headers['cache-control']).toContain('immutable');
    } finally {
      await web.close();
    }
  });

  it('says how to build when the web app is missing', async () => {
    const web = await testApp({ webDir: mkdtempSync(join(tmpdir(), 'empty-web-')) });
    try {
      const res = await web.inject({ url: '/' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toContain('npm run build');
    } finally {
      await web.close();
    }
  });
});

describe('errors', () => {
  it('answers a 5xx without leaking the stack or message', async () => {
    const broken = await testApp();
    broken.get('/api/boom', async () => {
      throw new Error('secret detail at /srv/app.ts:12');
    });
    try {
      const res = await broken.inject({ url: '/api/boom' });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('secret');
      expect(res.json().error.code).toBe('INTERNAL');
    } finally {
      await broken.close();
    }
  });
});
