import { describe, expect, it } from 'vitest';
import { AGENDAS, agendaDays, labMinutes, LESSON_MINUTES, type CourseLab, type CourseLesson } from './plan';

const every: CourseLesson[] = [...new Set(AGENDAS.flatMap((a) => a.days.flatMap((d) => d.blocks.flatMap((b) => ('lesson' in b ? [b.lesson] : [])))))].map((path) => ({ path, title: path }));
const labFor = (lesson: string, id: string, tests = 20): CourseLab => ({ id, title: id, lesson, tests });

describe('agendas', () => {
  it('every lesson an agenda names has a time estimate', () => {
    expect(every.filter((l) => LESSON_MINUTES[l.path] === undefined).map((l) => l.path)).toEqual([]);
  });

  it.each(AGENDAS.map((a) => [a.id, a] as const))('%s fits its days when every planned lesson exists', (_id, agenda) => {
    const labs = every.map((l) => labFor(l.path, `${l.path.split('/')[1]}-lab`));
    for (const day of agendaDays(agenda, every, labs)) {
      expect(day.ends <= (agenda.id === 'half-day' ? '17:30' : '17:30'), `${agenda.id} ends at ${day.ends}`).toBe(true);
      expect(day.workMinutes).toBeGreaterThan(agenda.id === 'half-day' ? 180 : 330);
    }
  });

  it('leaves out lessons that do not exist yet, with their labs, and closes up the times', () => {
    const halfDay = AGENDAS.find((a) => a.id === 'half-day')!;
    const lessons = [{ path: 'module-16/littles-law', title: "Little's Law" }, { path: 'module-16/backpressure', title: 'Backpressure' }];
    const labs = [labFor('module-16/littles-law', 'littles-law', 21), labFor('module-16/backpressure', 'backpressure', 25), labFor('module-17/stampedes', 'xfetch')];
    const [day] = agendaDays(halfDay, lessons, labs);
    expect(day!.slots.map((s) => [s.start, s.end, s.kind, s.title])).toEqual([
      ['13:00', '13:30', 'lesson', "Little's Law"],
      ['13:30', '14:00', 'lab', 'littles-law'],
      ['14:00', '14:15', 'pause', 'Break'],
      ['14:15', '14:55', 'lesson', 'Backpressure'],
      ['14:55', '15:55', 'lab', 'backpressure'],
    ]);
    expect(day!.ends).toBe('15:55');
    expect(day!.workMinutes).toBe(160);
  });

  it('drops a pause with nothing taught on one side of it', () => {
    const oneDay = AGENDAS.find((a) => a.id === 'one-day')!;
    const [day] = agendaDays(oneDay, [{ path: 'module-16/littles-law', title: 'LL' }], []);
    expect(day!.slots.map((s) => s.kind)).toEqual(['lesson']);
  });

  it('lists the labs of a lesson taught without them as homework', () => {
    const halfDay = AGENDAS.find((a) => a.id === 'half-day')!;
    const [day] = agendaDays(halfDay, [{ path: 'module-16/hockey-stick', title: 'HS' }], [labFor('module-16/hockey-stick', 'queue-models')]);
    expect(day!.slots[0]!.homework?.map((l) => l.id)).toEqual(['queue-models']);
  });

  it('estimates a lab it has no figure for from its number of tests', () => {
    expect(labMinutes('littles-law', 21)).toBe(30);
    expect(labMinutes('a-new-lab', 20)).toBe(45);
    expect(labMinutes('a-tiny-lab', 2)).toBe(20);
  });
});
