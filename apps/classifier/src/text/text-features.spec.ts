import { textFeatures } from './text-features';

describe('textFeatures', () => {
  it('reads each word and its boundary-marked 3- to 5-grams', () => {
    const { names, words } = textFeatures('tesco');
    expect(words).toEqual(['tesco']);
    expect(names).toEqual(
      expect.arrayContaining(['=tesco', '<te', 'tes', 'co>', '<tes', 'sco>', '<tesc', 'esco>']),
    );
    expect(names).not.toContain('<tesco>');
  });

  it('weighs the payee words at the start more than what follows them', () => {
    const { names, weights } = textFeatures('tesco stores leeds');
    const weightOf = (name: string) => weights[names.indexOf(name)];
    expect(weightOf('=tesco')).toBeGreaterThan(weightOf('=stores'));
    expect(weightOf('=stores')).toBeGreaterThan(weightOf('=leeds'));
  });

  it('gives a long word no more weight than a short one', () => {
    const total = (text: string) => textFeatures(text).weights.reduce((sum, weight) => sum + weight, 0);
    expect(total('supercalifragilistic')).toBeCloseTo(total('aldi'), 10);
  });

  it('says where each word’s features end', () => {
    const features = textFeatures('uber eats');
    expect(features.wordEnds).toHaveLength(2);
    expect(features.wordEnds[1]).toBe(features.names.length);
    expect(features.names[features.wordEnds[0]]).toBe('=eats');
  });
});
