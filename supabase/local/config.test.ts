import { describe, expect, it } from 'vitest';
import { readLocalConfig } from './config.ts';
import { DEFAULT_JWT_SECRET } from './keys.ts';

describe('readLocalConfig', () => {
  it("defaults to Supabase's local port and the app on 4173", () => {
    const c = readLocalConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      apiPort: 54321,
      appPort: 4173,
      jwtSecret: DEFAULT_JWT_SECRET,
      jwtExpiry: 3600,
    });
    expect(c.dataDir.endsWith('.data/pglite')).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.corsOrigins).toEqual(['http://127.0.0.1:4173', 'http://localhost:4173']);
  });

  it('takes overrides from the environment', () => {
    const c = readLocalConfig({
      API_PORT: '60000',
      APP_PORT: '5000',
      HOST: '0.0.0.0',
      CORS_ORIGINS: 'https://a.example',
    });
    expect(c).toMatchObject({ apiPort: 60000, appPort: 5000, host: '0.0.0.0' });
    expect(c.corsOrigins).toContain('https://a.example');
    expect(c.corsOrigins).toContain('http://localhost:5000');
  });

  it('refuses nonsense', () => {
    expect(() => readLocalConfig({ API_PORT: 'abc' })).toThrow(/API_PORT/);
    expect(() => readLocalConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });
});
