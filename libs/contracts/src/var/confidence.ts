import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, Max, Min } from 'class-validator';
import { VAR_LIMITS } from './limits';

/** `0.99` or `[0.95, 0.99]`: one level is taken as a list of one. */
export const ConfidenceLevels = (): PropertyDecorator => (target, property) => {
  Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? [value] : value))(target, property);
  IsArray({ message: 'confidence must be a number or a list of numbers, e.g. [0.95, 0.99]' })(target, property);
  ArrayMinSize(1)(target, property);
  ArrayMaxSize(VAR_LIMITS.confidenceLevelsMax)(target, property);
  IsNumber({ allowNaN: false, allowInfinity: false }, { each: true, message: 'each confidence level must be a number' })(target, property);
  // A VaR level below 0.5 would be a gain quantile; above 0.9999 too few draws lie in the tail.
  Min(0.5, { each: true, message: 'each confidence level must be at least 0.5 (a loss quantile)' })(target, property);
  Max(0.9999, { each: true, message: 'each confidence level must be at most 0.9999' })(target, property);
};
