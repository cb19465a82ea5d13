/**
 * Workshop plans: how long each lesson and lab takes in a room, and three agendas built from them. The
 * agendas name lessons by their path under content/ — including lessons still being written — and are
 * laid out against the lessons that exist (agendaDays): a planned lesson that is not published yet is
 * left out, with its lab, and the times close up. Labs are found from their metadata (a lab's `lesson`
 * field), so a new lab appears in every agenda that teaches its lesson.
 *
 * The minutes are the course team's estimates for a room of mixed experience, not measurements: adjust
 * them after a run-through with your group.
 */

/** Minutes to teach a lesson in the room: the talk, its live demo and its "Check yourself". */
export const LESSON_MINUTES: Readonly<Record<string, number>> = {
  'module-16/littles-law': 30,
  'module-16/hockey-stick': 40,
  'module-16/backpressure': 40,
  'module-16/dead-letter-queues': 35,
  'module-16/retries': 30,
  'module-16/consumer-lag': 30,
  'module-17/why-cache': 25,
  'module-17/cache-patterns': 35,
  'module-17/invalidation': 35,
  'module-17/eviction': 35,
  'module-17/stampedes': 35,
  'module-17/leases': 30,
  'case-studies/tao': 30,
  'case-studies/cloudflare': 30,
};

/** Minutes for a lab done in the room, to most of its points; the rest is homework. */
export const LAB_MINUTES: Readonly<Record<string, number>> = {
  'littles-law': 30,
  'queue-models': 50,
  backpressure: 60,
  'dead-letter-queue': 45,
  retries: 45,
  'consumer-lag': 40,
  'cache-patterns': 45,
  invalidation: 45,
  xfetch: 35,
  stampede: 45,
  'lease-cache': 45,
  'tao-cache': 50,
  'tiered-cache': 45,
};

/** A lesson without an estimate gets this many minutes. */
export const DEFAULT_LESSON_MINUTES = 30;

/** A lab without an estimate: 15 minutes to read the brief and start, and about 1½ minutes a graded test, in steps of 5. */
export function labMinutes(id: string, tests: number): number {
  return LAB_MINUTES[id] ?? Math.max(20, Math.round((15 + 1.5 * tests) / 5) * 5);
}

/** What happens in one slot of an agenda. */
export type Block =
  /** A lesson, and what the room does with its labs: work on them now, or take them home. */
  | { lesson: string; labs: 'in-room' | 'homework' }
  | { pause: string; minutes: number };

export interface Day {
  starts: string;
  blocks: Block[];
}

export interface Agenda {
  id: 'half-day' | 'one-day' | 'two-day';
  title: string;
  /** Who it suits and what it leaves out, in a sentence. */
  summary: string;
  days: Day[];
}

const lunch = { pause: 'Lunch', minutes: 60 };
const coffee = { pause: 'Break', minutes: 15 };

export const AGENDAS: readonly Agenda[] = [
  {
    id: 'half-day',
    title: 'Half a day: queues under load',
    summary: "Little's Law, the hockey stick and backpressure, with two labs in the room, and cache stampedes to end on; the other labs go home.",
    days: [
      {
        starts: '13:00',
        blocks: [
          { lesson: 'module-16/littles-law', labs: 'in-room' },
          { lesson: 'module-16/hockey-stick', labs: 'homework' },
          coffee,
          { lesson: 'module-16/backpressure', labs: 'in-room' },
          { lesson: 'module-17/stampedes', labs: 'homework' },
        ],
      },
    ],
  },
  {
    id: 'one-day',
    title: 'One day: queues, then caches',
    summary: 'The core of Module 16 in the morning and of Module 17 in the afternoon, three labs in the room; consumer lag and leases are left for another day.',
    days: [
      {
        starts: '09:00',
        blocks: [
          { lesson: 'module-16/littles-law', labs: 'in-room' },
          { lesson: 'module-16/hockey-stick', labs: 'homework' },
          coffee,
          { lesson: 'module-16/backpressure', labs: 'in-room' },
          { lesson: 'module-16/dead-letter-queues', labs: 'homework' },
          lunch,
          { lesson: 'module-16/retries', labs: 'homework' },
          { lesson: 'module-17/why-cache', labs: 'homework' },
          { lesson: 'module-17/cache-patterns', labs: 'in-room' },
          coffee,
          { lesson: 'module-17/stampedes', labs: 'homework' },
        ],
      },
    ],
  },
  {
    id: 'two-day',
    title: 'Two days: the whole course',
    summary: 'Every lesson: queueing on day one, caching and the case studies on day two, with the central labs in the room and the rest as homework between and after the days.',
    days: [
      {
        starts: '09:00',
        blocks: [
          { lesson: 'module-16/littles-law', labs: 'in-room' },
          { lesson: 'module-16/hockey-stick', labs: 'in-room' },
          coffee,
          { lesson: 'module-16/backpressure', labs: 'in-room' },
          lunch,
          { lesson: 'module-16/dead-letter-queues', labs: 'in-room' },
          coffee,
          { lesson: 'module-16/retries', labs: 'homework' },
          { lesson: 'module-16/consumer-lag', labs: 'homework' },
        ],
      },
      {
        starts: '09:00',
        blocks: [
          { lesson: 'module-17/why-cache', labs: 'in-room' },
          { lesson: 'module-17/cache-patterns', labs: 'in-room' },
          coffee,
          { lesson: 'module-17/invalidation', labs: 'homework' },
          { lesson: 'module-17/eviction', labs: 'homework' },
          lunch,
          { lesson: 'module-17/stampedes', labs: 'in-room' },
          coffee,
          { lesson: 'module-17/leases', labs: 'homework' },
          { lesson: 'case-studies/tao', labs: 'homework' },
          { lesson: 'case-studies/cloudflare', labs: 'homework' },
        ],
      },
    ],
  },
];

/** What the agenda needs to know about the course as built. */
export interface CourseLesson {
  /** Path under content/, e.g. "module-16/littles-law". */
  path: string;
  title: string;
}

export interface CourseLab {
  id: string;
  title: string;
  lesson: string;
  tests: number;
}

export interface Slot {
  start: string;
  end: string;
  minutes: number;
  kind: 'lesson' | 'lab' | 'pause';
  /** The lesson or lab's title, or the pause's name. */
  title: string;
  /** The lesson's path, or the lab's lesson's path. */
  lesson?: string;
  lab?: string;
  /** Labs left for home after this lesson. */
  homework?: CourseLab[];
}

export interface LaidOutDay {
  slots: Slot[];
  ends: string;
  /** Teaching and lab minutes in the day (no pauses). */
  workMinutes: number;
}

const clock = (start: string, minutes: number): string => {
  const [h, m] = start.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

/**
 * Lays an agenda out against the course as it exists: each day's slots with their times. A lesson not
 * published yet is left out with its labs; a pause with nothing taught after it in its day is dropped,
 * and so is a pause right after another.
 */
export function agendaDays(agenda: Agenda, lessons: readonly CourseLesson[], labs: readonly CourseLab[]): LaidOutDay[] {
  const byPath = new Map(lessons.map((l) => [l.path, l]));
  return agenda.days.map((day) => {
    const present = day.blocks.filter((b) => !('lesson' in b) || byPath.has(b.lesson));
    const kept = present.filter((b, i) => {
      if ('lesson' in b) return true;
      const before = present.slice(0, i);
      const after = present.slice(i + 1);
      return before.some((x) => 'lesson' in x) && after.some((x) => 'lesson' in x) && !('pause' in present[i - 1]!);
    });
    const slots: Slot[] = [];
    let elapsed = 0;
    const add = (slot: Omit<Slot, 'start' | 'end'>) => {
      slots.push({ ...slot, start: clock(day.starts, elapsed), end: clock(day.starts, elapsed + slot.minutes) });
      elapsed += slot.minutes;
    };
    let work = 0;
    for (const block of kept) {
      if ('pause' in block) {
        add({ kind: 'pause', title: block.pause, minutes: block.minutes });
        continue;
      }
      const lesson = byPath.get(block.lesson)!;
      const itsLabs = labs.filter((lab) => lab.lesson === lesson.path);
      const teach = LESSON_MINUTES[lesson.path] ?? DEFAULT_LESSON_MINUTES;
      add({ kind: 'lesson', title: lesson.title, lesson: lesson.path, minutes: teach, ...(block.labs === 'homework' && itsLabs.length ? { homework: itsLabs } : {}) });
      work += teach;
      if (block.labs === 'in-room') {
        for (const lab of itsLabs) {
          const minutes = labMinutes(lab.id, lab.tests);
          add({ kind: 'lab', title: lab.title, lesson: lesson.path, lab: lab.id, minutes });
          work += minutes;
        }
      }
    }
    return { slots, ends: clock(day.starts, elapsed), workMinutes: work };
  });
}
