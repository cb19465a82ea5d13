/**
 * Live-demo scripts for the lessons' widgets: what to set, what to ask the room before revealing the
 * result, and what the widget then shows. Every number in a script is computed here, at build time, by
 * the same models the widgets run, so a script cannot drift from its widget. A widget found in a lesson
 * without a script here gets the general recipe (genericDemo).
 */
import { capacityPlan } from '../models/module-16/littles-law/capacity';
import { DEFAULT_CAPACITY_FORM } from '../components/widgets/module-16/capacity-form';
import { buildWalkthrough, DEFAULT_MAX_ATTEMPTS } from '../components/widgets/module-16/dead-letter-walkthrough';
import { DEFAULT_HOCKEY_STICK, kingmanRatio, mm1Ratio, mmcRatio } from '../components/widgets/module-16/hockey-stick';
import { formatDrainTime, simulateLagMonitor } from '../components/widgets/module-16/lag-monitor';
import { LAG_MONITOR_PRESETS, readLagMonitorForm } from '../components/widgets/module-16/lag-monitor-form';

export interface DemoStep {
  /** What to do with the widget (Markdown). */
  action: string;
  /** What to ask the room before they see the result, if anything. */
  ask?: string;
  /** What the widget shows then (Markdown), computed by its model. */
  shows: string;
}

export interface DemoScript {
  /** Minutes the demo takes in the room, questions included. */
  minutes: number;
  /** The point the demo makes, in a sentence. */
  point: string;
  steps: DemoStep[];
}

const times = (x: number, digits = 1) => `${x.toFixed(digits).replace(/\.0+$/, '')}×`;
const int = new Intl.NumberFormat('en');

async function capacityCalculator(): Promise<DemoScript> {
  const start = { arrivalRate: Number(DEFAULT_CAPACITY_FORM.arrivalRate), serviceTimeMs: Number(DEFAULT_CAPACITY_FORM.serviceTimeMs), targetUtilization: Number(DEFAULT_CAPACITY_FORM.targetPercent) / 100 };
  const plan = capacityPlan(start);
  const doubled = capacityPlan({ ...start, arrivalRate: start.arrivalRate * 2 });
  const slower = capacityPlan({ ...start, serviceTimeMs: start.serviceTimeMs * 2 });
  const relaxed = capacityPlan({ ...start, targetUtilization: 0.85 });
  return {
    minutes: 8,
    point: 'Little’s Law sizes a pool from two averages, and the fewest stable servers is one more than the offered load when that is a whole number.',
    steps: [
      {
        action: `Open the calculator with its defaults: ${int.format(start.arrivalRate)} requests/s, ${start.serviceTimeMs} ms, a ${DEFAULT_CAPACITY_FORM.targetPercent} % target.`,
        ask: 'How many requests are in service at once? How many servers does the pool need at the least?',
        shows: `${plan.inService} in service; at least **${plan.minServers}** servers (not ${plan.inService}: at exactly 100 % the queue never settles); ${plan.recommendedServers} for the target, at ${(plan.utilization * 100).toFixed(1)} %.`,
      },
      {
        action: `Double the arrival rate to ${int.format(start.arrivalRate * 2)} requests/s.`,
        ask: 'Does the recommended pool double?',
        shows: `${doubled.recommendedServers} servers: it does, because at a fixed target utilization the pool grows in step with the load (the M/M/c lesson shows why a bigger pool could safely run hotter).`,
      },
      {
        action: `Put the rate back and double the service time to ${start.serviceTimeMs * 2} ms.`,
        shows: `${slower.inService} in service and ${slower.recommendedServers} servers: a slower dependency costs exactly as much as twice the traffic.`,
      },
      {
        action: 'Put the service time back and raise the target to 85 %.',
        ask: 'What did we just trade away?',
        shows: `${relaxed.recommendedServers} servers instead of ${plan.recommendedServers}. The calculator cannot say what that does to waiting time: that is the next lesson's hockey stick.`,
      },
    ],
  };
}

async function hockeyStick(): Promise<DemoScript> {
  const { servers, arrivalScv, serviceScv, utilization } = DEFAULT_HOCKEY_STICK;
  return {
    minutes: 10,
    point: 'Response time grows like 1/(1 − ρ): a hyperbola with a wall at 100 %, lowered by pooling and raised by variability.',
    steps: [
      {
        action: 'Set one server, both variabilities to 1 (an M/M/1 queue), and read the M/M/1 curve.',
        ask: 'At 50 % busy a request takes twice its service time. What at 80 %, 90 %, 95 %?',
        shows: `${[0.5, 0.8, 0.9, 0.95].map((rho) => `${Math.round(rho * 100)} % → ${times(mm1Ratio(rho))}`).join(', ')} the service time. Each step halves the idle time and doubles the wait.`,
      },
      {
        action: `Set ${servers} servers and slide the utilization to 90 %.`,
        ask: `Ten servers at 90 % each: worse or better than one at 90 %?`,
        shows: `${times(mmcRatio(servers, 0.9), 2)} the service time, against ${times(mm1Ratio(0.9))} for one server: a pool shares its idle capacity, so the same utilization waits far less.`,
      },
      {
        action: `Back to the defaults (arrival variability cₐ² = ${arrivalScv}, service cₛ² = ${serviceScv}, ${Math.round(utilization * 100)} %) and read Kingman's curve.`,
        shows: `${times(kingmanRatio(utilization, arrivalScv, serviceScv))} the service time, against ${times(kingmanRatio(utilization, 1, 1))} with Poisson arrivals: bursty traffic costs as much as the utilization does. The simulated dots sit near the curve; ask why they do not sit on it (a short, seeded run).`,
      },
    ],
  };
}

async function lagMonitor(): Promise<DemoScript> {
  // Read each preset as the widget does, so the script follows any field the widget gains.
  const preset = (id: string) => {
    const { label, form } = LAG_MONITOR_PRESETS.find((p) => p.id === id)!;
    const read = readLagMonitorForm(form);
    if (!read.ok) throw new Error(`the lag monitor's preset "${id}" does not read: ${JSON.stringify(read.errors)}`);
    return { label, input: read.input };
  };
  const behind = preset('falling-behind');
  const catching = preset('catching-up');
  const run = simulateLagMonitor(behind.input);
  const fixed = simulateLagMonitor(catching.input);
  return {
    minutes: 8,
    point: 'A consumer group cannot use more consumers than the topic has partitions; lag that keeps growing matters more than lag that is merely high.',
    steps: [
      {
        action: `Load “${behind.label}”: ${int.format(behind.input.productionRate)} messages/s, ${behind.input.consumerRate} per consumer, ${behind.input.consumers} consumers, ${behind.input.partitions} partitions.`,
        ask: `${behind.input.consumers} consumers × ${behind.input.consumerRate} = ${int.format(behind.input.consumers * behind.input.consumerRate)} a second, more than is produced. Why does the lag still grow?`,
        shows: `${run.assignment.idle} consumers sit idle, so the group does ${int.format(run.capacity)} a second; lag ends at ${int.format(run.lag)} and the monitor says “${run.alert}”; time to drain: ${formatDrainTime(run.timeToDrainS)}.`,
      },
      {
        action: `Load “${catching.label}” (${catching.input.partitions} partitions).`,
        shows: `All ${fixed.assignment.active} consumers work, ${int.format(fixed.capacity)} a second; the lag falls to ${int.format(fixed.lag)} and drains in ${formatDrainTime(fixed.timeToDrainS)} more. Ask the room what else could have fixed it without repartitioning (faster consumers; more processing slots per consumer, minding per-partition order).`,
      },
    ],
  };
}

async function deadLetterWalkthrough(): Promise<DemoScript> {
  const steps = await buildWalkthrough();
  const last = steps.at(-1)!;
  const once = await buildWalkthrough({ maxAttempts: 1, replays: [] });
  const onceLast = once.at(-1)!;
  return {
    minutes: 7,
    point: 'Retries absorb transient failures; a poison message needs a dead-letter queue, and a replay helps only once the consumer is fixed.',
    steps: [
      {
        action: `Step through with ${DEFAULT_MAX_ATTEMPTS} attempts, pausing at each failure.`,
        ask: 'Which order will never succeed, and which only needs another go?',
        shows: `After ${steps.length - 1} steps, ${last.acked.length} orders are acknowledged and ${last.deadLetters.map((d) => `${d.id} (${d.error})`).join(', ')} is in the dead-letter queue after ${last.deadLetters[0]?.attempts ?? 0} deliveries.`,
      },
      {
        action: 'Start over with 1 attempt.',
        ask: 'What does giving up at once cost?',
        shows: `${onceLast.deadLetters.length} dead letters — ${onceLast.deadLetters.map((d) => d.id).join(' and ')}: the order that only needed a retry is dead-lettered with the poison one.`,
      },
      {
        action: 'Replay the dead letters without fixing the consumer, then with the fix.',
        shows: 'The first replay sends the poison message straight back; after the fix it goes through. The lesson on idempotent consumers says why a replay must be safe to run twice.',
      },
    ],
  };
}

const SCRIPTS: Record<string, () => Promise<DemoScript>> = {
  CapacityCalculator: capacityCalculator,
  HockeyStick: hockeyStick,
  LagMonitor: lagMonitor,
  DeadLetterWalkthrough: deadLetterWalkthrough,
};

/** The general recipe for a widget that has no script of its own yet. */
export function genericDemo(): DemoScript {
  return {
    minutes: 5,
    point: 'Let the room predict before the widget answers.',
    steps: [
      { action: 'Show the widget in its default state and say in one sentence what each control means.', shows: 'The default picture is the one the lesson text describes.' },
      { action: 'Change one control to a value from the lesson’s worked example.', ask: 'What will change, and by how much?', shows: 'Compare the answer with the worked example in the lesson.' },
      { action: 'Push a control to an extreme (or an invalid value).', ask: 'Where does the model stop making sense?', shows: 'The widget explains values it cannot use instead of showing a number.' },
    ],
  };
}

/** The demo script for a widget, by its component's name. */
export async function demoScript(widget: string): Promise<DemoScript & { written: boolean }> {
  const script = SCRIPTS[widget];
  return script ? { ...(await script()), written: true } : { ...genericDemo(), written: false };
}
