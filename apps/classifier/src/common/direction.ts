/** Which way money moved: spent amounts are negative, received ones positive (zero moves nothing). */
export type Direction = 'spent' | 'received';

export const DIRECTIONS: readonly Direction[] = ['spent', 'received'];
