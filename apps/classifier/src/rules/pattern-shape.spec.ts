import { patternShape } from './pattern-shape';

describe('patternShape', () => {
  it('finds the largest counted repeat, either bound, and leaves literal braces alone', () => {
    expect(patternShape('a{3}b{2,7}c{4,}').largestRepeat).toBe(7);
    expect(patternShape('(.*){1000}').largestRepeat).toBe(1000);
    expect(patternShape('x{,5}y{a}').largestRepeat).toBe(0);
    expect(patternShape('\\{99\\}').largestRepeat).toBe(0);
    expect(patternShape('[{]99}').largestRepeat).toBe(0);
    expect(patternShape('\\Qa{99}\\E').largestRepeat).toBe(0);
  });

  it('measures group nesting, not counting escaped or bracketed parentheses', () => {
    expect(patternShape('((a)(b))').nesting).toBe(2);
    expect(patternShape('(?:(?:(?:x)))').nesting).toBe(3);
    expect(patternShape('\\(\\(\\(x[(((]').nesting).toBe(0);
    expect(patternShape('(?i)abc').nesting).toBe(1);
  });

  it('counts \\p and \\P classes, inside character classes too', () => {
    expect(patternShape('\\pL\\p{Greek}[\\PN\\d]').unicodeClasses).toBe(3);
    expect(patternShape('\\\\pL').unicodeClasses).toBe(0);
  });

  it('measures the widest range of a character class, written plainly or escaped', () => {
    expect(patternShape('[a-z]').widestRange).toBe(26);
    expect(patternShape('[^\\x{41}-\\x{1E900}]').widestRange).toBe(0x1e900 - 0x41 + 1);
    expect(patternShape('[\\x00-\\xff]').widestRange).toBe(256);
    expect(patternShape('[\\101-\\132]').widestRange).toBe(26);
    expect(patternShape('[À-ÿ]').widestRange).toBe(0xff - 0xc0 + 1);
    expect(patternShape('[]a-]').widestRange).toBe(0);
    expect(patternShape('[[:alpha:]-]').widestRange).toBe(0);
    expect(patternShape('[\\d-z]').widestRange).toBe(0);
  });
});
