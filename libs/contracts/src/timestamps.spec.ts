import { utcTimestamp } from './timestamps';

describe('utcTimestamp', () => {
  it('writes exactly what toISOString writes', () => {
    const samples = [0, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(1999, 11, 31, 0, 0, 0, 7), Date.UTC(2038, 0, 19, 3, 14, 8, 50)];
    for (let i = 0; i < 2000; i += 1) samples.push(Math.floor(Math.random() * Date.UTC(2200, 0, 1)));
    for (const time of samples) {
      const date = new Date(time);
      expect(utcTimestamp(date)).toBe(date.toISOString());
    }
  });
});
