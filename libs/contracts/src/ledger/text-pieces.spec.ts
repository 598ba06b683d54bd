import { pieceEnd, textPieces } from './text-pieces';

describe('cutting text into pieces', () => {
  it('never cuts an emoji (a surrogate pair) in two, so every piece survives UTF-8', () => {
    const text = `ab😀cd${'é'.repeat(5)}🏦`;
    for (let maxChars = 2; maxChars <= text.length + 1; maxChars += 1) {
      const pieces = [...textPieces(text, maxChars)];
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(maxChars);
        expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
      }
    }
  });

  it('cuts at maxChars when no pair is in the way, and ends with the text', () => {
    expect([...textPieces('abcdefg', 3)]).toEqual(['abc', 'def', 'g']);
    expect(pieceEnd('ab😀', 0, 3)).toBe(2);
    expect(pieceEnd('ab😀', 0, 4)).toBe(4);
    expect([...textPieces('', 3)]).toEqual([]);
  });
});
