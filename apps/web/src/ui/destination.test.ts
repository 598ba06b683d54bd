import { describe, expect, it } from 'vitest';
import { destinationOf } from './auth';

describe('where signing in lands', () => {
  it('is the page that sent the person to sign in, with its query', () => {
    expect(destinationOf({ from: '/ledger' })).toBe('/ledger');
    expect(destinationOf({ from: '/risk/strategy?run=42' })).toBe('/risk/strategy?run=42');
  });

  it('is the dashboard without one, and never another origin or a sign-in page', () => {
    expect(destinationOf(null)).toBe('/dashboard');
    expect(destinationOf({ from: '//evil.example/ledger' })).toBe('/dashboard');
    expect(destinationOf({ from: 'https://evil.example/' })).toBe('/dashboard');
    expect(destinationOf({ from: '/sign-in' })).toBe('/dashboard');
    expect(destinationOf({ from: '/sign-up?x=1' })).toBe('/dashboard');
    expect(destinationOf({ from: 42 })).toBe('/dashboard');
  });
});
