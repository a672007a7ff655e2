import { describe, expect, it } from 'vitest';
import { brandColorInput, contrastRatio, readableTextOn, safeLogoUrl } from './partner-brand.ts';

describe('partner brand', () => {
  it('picks the text colour that reads on a brand colour', () => {
    expect(readableTextOn('#0b3d91')).toBe('#ffffff');
    expect(readableTextOn('#ffd400')).toBe('#000000');
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
  });

  it('reads colours as the database stores them', () => {
    expect(brandColorInput(' #0B3D91 ')).toBe('#0b3d91');
    expect(brandColorInput('')).toBeNull();
    expect(brandColorInput('blue')).toBeUndefined();
    expect(brandColorInput('#abc')).toBeUndefined();
  });

  it('shows only https logos or the app’s own paths', () => {
    expect(safeLogoUrl('https://cdn.example/logo.svg')).toBe('https://cdn.example/logo.svg');
    expect(safeLogoUrl('/partners/logo.svg')).toBe('/partners/logo.svg');
    expect(safeLogoUrl('//evil.example/x.svg')).toBeNull();
    expect(safeLogoUrl('javascript:alert(1)')).toBeNull();
    expect(safeLogoUrl('http://plain.example/x.png')).toBeNull();
    expect(safeLogoUrl(null)).toBeNull();
  });
});
