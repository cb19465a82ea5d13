/**
 * The course as the instructor guide sees it at build time: the lessons that exist (from the content
 * collection, in course order), the labs (from labs/labs.json and each lab.json), each lab's known
 * mistakes (the first comment of labs/<id>/.meta/mistakes/*.ts) with the tests that catch them
 * (caught-by.json, written by the lab proofs), and each lesson's objectives and widgets (read from its
 * source). Nothing here is a list to keep up to date: a lesson or lab that lands appears in the guide.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { courseLabIds, siteLab } from '../labs/site-catalog';
import type { LabMeta } from '../labs/schema';
import caught from './caught-by.json';
import { mistakeNote, objectivesOf, widgetsOf, type WidgetUse } from './lesson-source';

/** The guide's own folder under content/. */
export const GUIDE_DIR = 'instructors';

export interface GuideLesson {
  path: string;
  title: string;
  description?: string;
  /** The lesson's folder: a module or the case studies. */
  group: string;
  objectives: string[];
  widgets: (WidgetUse & { anchor?: string })[];
  labs: string[];
}

export interface GuideMistake {
  name: string;
  label: string;
  text: string;
  /** The graded tests it fails, in lab.json's order; undefined when the proofs have not recorded it yet. */
  caughtBy?: string[];
}

export interface GuideLab {
  meta: LabMeta;
  points: number;
  mistakes: GuideMistake[];
}

const mistakeSources = import.meta.glob<string>('/labs/*/.meta/mistakes/*.ts', { eager: true, query: '?raw', import: 'default' });
const caughtBy = (caught as { labs: Record<string, Record<string, string[]>> }).labs;

const isLesson = (entry: CollectionEntry<'docs'>) => entry.id.includes('/') && !entry.id.startsWith(`${GUIDE_DIR}/`) && entry.id !== GUIDE_DIR;

/** The labs in course order, with their known mistakes. */
export function guideLabs(): GuideLab[] {
  return courseLabIds.map((id) => {
    const { meta, maxPoints } = siteLab(id);
    const prefix = `/labs/${id}/.meta/mistakes/`;
    const mistakes = Object.entries(mistakeSources)
      .filter(([file]) => file.startsWith(prefix))
      .map(([file, source]) => {
        const name = file.slice(prefix.length).replace(/\.ts$/, '');
        const recorded = caughtBy[id]?.[name];
        return { name, ...mistakeNote(source), ...(recorded ? { caughtBy: recorded } : {}) };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return { meta, points: maxPoints, mistakes };
  });
}

/**
 * The lessons that exist, in course order: folders in the order their labs first appear in
 * labs/labs.json (folders without labs after them, by name), then by each lesson's sidebar order.
 */
export function guideLessons(): Promise<GuideLesson[]> {
  lessons ??= readLessons();
  return lessons;
}

let lessons: Promise<GuideLesson[]> | undefined;

async function readLessons(): Promise<GuideLesson[]> {
  const entries = (await getCollection('docs')).filter(isLesson);
  const labs = guideLabs();
  const group = (path: string) => path.split('/')[0]!;
  const firstLab = (g: string) => {
    const index = labs.findIndex((lab) => group(lab.meta.lesson) === g);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const sorted = entries.sort(
    (a, b) =>
      firstLab(group(a.id)) - firstLab(group(b.id)) ||
      group(a.id).localeCompare(group(b.id)) ||
      (a.data.sidebar.order ?? Number.MAX_SAFE_INTEGER) - (b.data.sidebar.order ?? Number.MAX_SAFE_INTEGER) ||
      a.data.title.localeCompare(b.data.title),
  );
  return Promise.all(
    sorted.map(async (entry) => {
      const { headings } = await render(entry);
      const body = entry.body ?? '';
      return {
        path: entry.id,
        title: entry.data.title,
        ...(entry.data.description ? { description: entry.data.description } : {}),
        group: group(entry.id),
        objectives: objectivesOf(body),
        widgets: widgetsOf(body).map((w) => {
          const anchor = headings.find((h) => h.text === w.section)?.slug;
          return anchor ? { ...w, anchor } : w;
        }),
        labs: labs.filter((lab) => lab.meta.lesson === entry.id).map((lab) => lab.meta.id),
      };
    }),
  );
}

/** The URL of a lesson, or of one of its sections. */
export const lessonUrl = (path: string, anchor?: string): string => `/${path}/${anchor ? `#${anchor}` : ''}`;

/** An id for a heading of the guide, from a lesson path or a lab id. */
export const guideId = (prefix: string, key: string): string => `${prefix}-${key.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
