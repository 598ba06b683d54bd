import { NeedleIndex } from './needle-index';

describe('NeedleIndex', () => {
  it('answers as String.includes does, for needles inside one another and overlapping', () => {
    const needles = ['he', 'she', 'his', 'hers', 'e', 'sh', 'rs', 'x', 'ushers', 'usher', 'hershey'];
    const index = new NeedleIndex();
    const ids = needles.map((needle) => index.add(needle));
    for (const text of ['ushers', 'hershe', 'h', '', 'xhe', 'SHE', 'a hershey bar']) {
      expect(needles.map((needle, i) => index.contains(text, ids[i]))).toEqual(needles.map((needle) => text.includes(needle)));
    }
  });

  it('agrees with String.includes on random texts over a small alphabet', () => {
    let seed = 7;
    const random = (length: number) =>
      Array.from({ length }, () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return 'abc'[seed % 3];
      }).join('');
    const needles = Array.from({ length: 200 }, (_, i) => random(1 + (i % 6)));
    const index = new NeedleIndex();
    const ids = needles.map((needle) => index.add(needle));
    for (let round = 0; round < 50; round++) {
      const text = random(40);
      expect(needles.map((_, i) => index.contains(text, ids[i]))).toEqual(needles.map((needle) => text.includes(needle)));
    }
  });

  it('gives the same needle one id, and reads code units, so a surrogate pair is found whole', () => {
    const index = new NeedleIndex();
    expect(index.add('café')).toBe(index.add('café'));
    const emoji = index.add('🍕');
    expect(index.contains('pizza 🍕 place', emoji)).toBe(true);
    expect(index.contains('pizza \ud83c place', emoji)).toBe(false);
  });
});
