/**
 * The numbers behind the hockey-stick explorer and the lesson's static charts: response time as a
 * multiple of the service time, W/E[S], against utilization ρ, for M/M/1, M/M/c and Kingman's G/G/1
 * approximation, and the same ratio measured by short seeded simulations. The mean service time is the
 * unit of time here (E[S] = 1), so the ratios do not depend on it.
 */
import { fittedSampler } from '../../../models/common/distributions';
import { erlangC } from '../../../models/module-16/queue-models/queue-formulas';
import { simulateQueue } from '../../../models/module-16/queue-models/queue-simulator';
import { createRng, DEFAULT_SEED } from '../../../models/common/rng';

/** The explorer's settings. */
export interface HockeyStickSettings {
  /** c, the number of servers of the M/M/c curve and its simulation. */
  servers: number;
  /** cₐ², the squared coefficient of variation of interarrival times, for Kingman and its simulation. */
  arrivalScv: number;
  /** cₛ², the same for service times. */
  serviceScv: number;
  /** The utilization ρ at which the table reads the curves, strictly between 0 and 1. */
  utilization: number;
}

/** The explorer's starting point: a pool of 10, bursty arrivals (cₐ² = 4), exponential service, 80 %. */
export const DEFAULT_HOCKEY_STICK: HockeyStickSettings = { servers: 10, arrivalScv: 4, serviceScv: 1, utilization: 0.8 };

/** The top of the charts' y axis: response times up to 20 service times. */
export const RATIO_MAX = 20;

/** The utilizations at which the explorer plots simulated points. */
export const SIMULATED_UTILIZATIONS = [0.3, 0.5, 0.7, 0.8, 0.9] as const;

/** Customers per simulated point on the chart, after a warm-up; small, so the page stays quick. */
export const CUSTOMERS_PER_POINT = 4000;
/** Customers of the simulations in the table, read at the chosen utilization. */
export const CUSTOMERS_FOR_TABLE = 20_000;
const WARMUP = 500;

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** W/E[S] of an M/M/1 queue: 1/(1 − ρ). */
export function mm1Ratio(rho: number): number {
  return 1 / (1 - rho);
}

/** W/E[S] of an M/M/c queue at utilization ρ: 1 + C(c, cρ) / (c·(1 − ρ)). */
export function mmcRatio(servers: number, rho: number): number {
  return 1 + erlangC(servers, servers * rho) / (servers * (1 - rho));
}

/** W/E[S] by Kingman's approximation for one server: 1 + ρ/(1 − ρ)·(cₐ² + cₛ²)/2. */
export function kingmanRatio(rho: number, arrivalScv: number, serviceScv: number): number {
  return 1 + (rho / (1 - rho)) * ((arrivalScv + serviceScv) / 2);
}

/**
 * Points (ρ, f(ρ)) of an increasing curve from ρ = 0 towards 1 until it passes `yMax`: a regular grid up
 * to 0.995, then steps that halve the distance to 1 (a large pool's curve turns up only there). The last
 * point is where the curve crosses yMax, found by bisection, so a chart can end the line at its top edge.
 */
export function curveUpTo(f: (rho: number) => number, yMax = RATIO_MAX): [number, number][] {
  const grid: number[] = [];
  for (let i = 0; i < 200; i++) grid.push(i / 200);
  for (let j = 0; j <= 40; j++) grid.push(1 - 0.005 / 2 ** j);
  const points: [number, number][] = [];
  for (const rho of grid) {
    const y = f(rho);
    if (y <= yMax) {
      points.push([rho, y]);
      continue;
    }
    let lo = points.length ? points[points.length - 1]![0] : 0;
    let hi = rho;
    for (let i = 0; i < 50; i++) {
      const mid = (lo + hi) / 2;
      if (f(mid) > yMax) hi = mid;
      else lo = mid;
    }
    points.push([lo, f(lo)]);
    break;
  }
  return points;
}

/**
 * W/E[S] measured by a seeded simulation: `servers` servers at utilization ρ, interarrival and service
 * times with the given scvs (E[S] = 1). The same arguments always give the same number.
 */
export function simulatedRatio(servers: number, rho: number, arrivalScv: number, serviceScv: number, customers: number, seed: number): number {
  const arrivalRate = servers * rho;
  const run = simulateQueue({
    servers,
    interarrivalTime: fittedSampler(createRng(seed), 1 / arrivalRate, arrivalScv),
    serviceTime: fittedSampler(createRng(seed + 1), 1, serviceScv),
    customers,
    warmupCustomers: WARMUP,
  });
  return mean(run.timesInSystem);
}

/** One row of the explorer's table. */
export interface RatioRow {
  /** A stable key, also the `data-result` attribute of the number on the page. */
  key: 'mm1' | 'mmc' | 'kingman' | 'simulatedMmc' | 'simulatedKingman';
  label: string;
  ratio: number;
}

/** Everything the explorer shows for one setting. */
export interface HockeyStickView {
  settings: HockeyStickSettings;
  curves: { mm1: [number, number][]; mmc: [number, number][]; kingman: [number, number][] };
  /** Simulated (ρ, W/E[S]) for c exponential servers and for one server with the chosen scvs. */
  simulated: { mmc: [number, number][]; kingman: [number, number][] };
  rows: RatioRow[];
}

/** The simulated points of the chart; they depend on everything but the chosen utilization. */
export function simulatedPoints(settings: HockeyStickSettings, seed = DEFAULT_SEED): HockeyStickView['simulated'] {
  const { servers, arrivalScv, serviceScv } = settings;
  return {
    mmc: SIMULATED_UTILIZATIONS.map((rho, i) => [rho, simulatedRatio(servers, rho, 1, 1, CUSTOMERS_PER_POINT, seed + 10 * i)]),
    kingman: SIMULATED_UTILIZATIONS.map((rho, i) => [rho, simulatedRatio(1, rho, arrivalScv, serviceScv, CUSTOMERS_PER_POINT, seed + 10 * i + 5)]),
  };
}

/** The curves of the chart; they do not depend on the chosen utilization either. */
export function ratioCurves(settings: HockeyStickSettings): HockeyStickView['curves'] {
  const { servers, arrivalScv, serviceScv } = settings;
  return {
    mm1: curveUpTo(mm1Ratio),
    mmc: curveUpTo((rho) => mmcRatio(servers, rho)),
    kingman: curveUpTo((rho) => kingmanRatio(rho, arrivalScv, serviceScv)),
  };
}

/** The table: each model's W/E[S] at the chosen utilization, and two longer simulations there. */
export function ratioRows(settings: HockeyStickSettings, seed = DEFAULT_SEED): RatioRow[] {
  const { servers, arrivalScv, serviceScv, utilization: rho } = settings;
  const scvs = `cₐ² = ${arrivalScv}, cₛ² = ${serviceScv}`;
  return [
    { key: 'mm1', label: 'M/M/1 (one server, exponential times)', ratio: mm1Ratio(rho) },
    { key: 'mmc', label: `M/M/c with c = ${servers}`, ratio: mmcRatio(servers, rho) },
    { key: 'kingman', label: `Kingman, one server, ${scvs}`, ratio: kingmanRatio(rho, arrivalScv, serviceScv) },
    {
      key: 'simulatedMmc',
      label: `Simulated, ${servers} exponential ${servers === 1 ? 'server' : 'servers'}`,
      ratio: simulatedRatio(servers, rho, 1, 1, CUSTOMERS_FOR_TABLE, seed + 1000),
    },
    {
      key: 'simulatedKingman',
      label: `Simulated, one server, ${scvs}`,
      ratio: simulatedRatio(1, rho, arrivalScv, serviceScv, CUSTOMERS_FOR_TABLE, seed + 2000),
    },
  ];
}

/** The whole view, for the server render and for tests. */
export function hockeyStickView(settings: HockeyStickSettings, seed = DEFAULT_SEED): HockeyStickView {
  return { settings, curves: ratioCurves(settings), simulated: simulatedPoints(settings, seed), rows: ratioRows(settings, seed) };
}

/** How the explorer prints a ratio: three significant figures, or a whole number from 100 up. */
export function formatRatio(ratio: number): string {
  return ratio >= 100 ? ratio.toFixed(0) : ratio.toPrecision(3);
}

/** Static series for the lesson: W/E[S] of M/M/c against ρ for several pool sizes. */
export function poolingCurves(pools: readonly number[]): { servers: number; points: [number, number][] }[] {
  return pools.map((servers) => ({ servers, points: curveUpTo((rho) => (servers === 1 ? mm1Ratio(rho) : mmcRatio(servers, rho))) }));
}

/**
 * Static series for the lesson: the M/M/1 hyperbola 1/(1 − ρ) next to the exponential 4^ρ, which
 * agrees with it at ρ = 0 (1) and ρ = 0.5 (2) but stays below 4 all the way to ρ = 1.
 */
export function hyperbolaAndExponential(): { hyperbola: [number, number][]; exponential: [number, number][] } {
  const exponential: [number, number][] = [];
  for (let i = 0; i <= 100; i++) exponential.push([i / 100, 4 ** (i / 100)]);
  return { hyperbola: curveUpTo(mm1Ratio), exponential };
}
