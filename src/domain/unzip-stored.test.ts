import { describe, expect, it } from 'vitest';
import { unzipStored } from './unzip-stored.ts';
import { zipStore } from './zip-store.ts';

describe('unzipStored', () => {
  it('reads back what zipStore wrote, and refuses what is not an archive', () => {
    const enc = new TextEncoder();
    const bytes = zipStore([
      { name: 'a.txt', data: enc.encode('Привет') },
      { name: 'dir/b.xml', data: enc.encode('<x/>') },
    ]);
    const files = unzipStored(bytes);
    expect([...files.keys()]).toEqual(['a.txt', 'dir/b.xml']);
    expect(new TextDecoder().decode(files.get('a.txt'))).toBe('Привет');
    expect(() => unzipStored(enc.encode('%PDF-1.7'))).toThrow('not a zip archive');
  });
});
