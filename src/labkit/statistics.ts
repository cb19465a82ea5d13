/**
 * Statistics for the autograders' statistical tests: the method of batch means and Student's t
 * distribution. Pure functions, so that their own unit tests run anywhere.
 *
 * Successive customers' waiting times are correlated (a customer who waits long is usually followed by
 * another), so the textbook interval for independent samples would be far too narrow. Batch means cut
 * the run into B long, equal batches; the batch averages are nearly independent and nearly normal, so
 * (overall mean − true mean) / (s / √B), with s the standard deviation of the batch averages, follows
 * Student's t with B − 1 degrees of freedom. An interval of ±q·s/√B, with q chosen so that
 * P(|t_{B−1}| > q) = α, then misses the true mean with probability α.
 */
/** The mean of `values` and the batch-means estimate of its standard error. */
export interface BatchMeans {
  mean: number;
  /** s/√B: the standard deviation of the B batch averages over √B. */
  standardError: number;
  batches: number;
}

/**
 * Splits `values` into `batches` consecutive batches of equal size (dropping the last few values if the
 * length does not divide), and returns the overall mean and its standard error.
 */
export function batchMeans(values: ArrayLike<number>, batches: number): BatchMeans {
  if (!(Number.isInteger(batches) && batches >= 2)) throw new RangeError(`batches must be an integer >= 2 (got ${batches})`);
  const size = Math.floor(values.length / batches);
  if (size < 1) throw new RangeError(`${values.length} values cannot fill ${batches} batches`);
  const averages: number[] = [];
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    for (let i = b * size; i < (b + 1) * size; i++) sum += values[i]!;
    averages.push(sum / size);
  }
  const mean = averages.reduce((s, x) => s + x, 0) / batches;
  const variance = averages.reduce((s, x) => s + (x - mean) ** 2, 0) / (batches - 1);
  return { mean, standardError: Math.sqrt(variance / batches), batches };
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine coefficients; relative error below 1e-14). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) return h;
  }
  throw new Error('betaFraction did not converge');
}

/** The regularized incomplete beta function I_x(a, b), for 0 <= x <= 1. */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** P(|T| > q) for T with Student's t distribution on `df` degrees of freedom. */
export function studentTwoSidedTail(q: number, df: number): number {
  if (!(q >= 0)) throw new RangeError(`q must be >= 0 (got ${q})`);
  if (!(df > 0)) throw new RangeError(`df must be > 0 (got ${df})`);
  return incompleteBeta(df / (df + q * q), df / 2, 0.5);
}

/** The q with P(|T| > q) = tail for Student's t on `df` degrees of freedom (by bisection). */
export function studentQuantile(tail: number, df: number): number {
  if (!(tail > 0 && tail < 1)) throw new RangeError(`tail must be in (0, 1) (got ${tail})`);
  let lo = 0;
  let hi = 1;
  while (studentTwoSidedTail(hi, df) > tail) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTwoSidedTail(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  return hi;
}
