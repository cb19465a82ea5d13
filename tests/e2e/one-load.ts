/**
 * One load per spec. Loading a lesson and hydrating its widget is most of what a widget check costs
 * (npm test runs the e2e suite on two cores beside the unit tests and the lab proofs), so a spec loads
 * its page once and runs each behaviour that used to be a test of its own as a named step on it:
 *
 * - `Checklist.check(name, body)` runs a step; a failing step is recorded with its message and does not
 *   stop the others, and `expectNoneFailed()` at the end fails the test listing every failed step by
 *   name (the pattern site.spec.ts uses for its per-page checks).
 * - `HydratedWidget` is a widget on its page, hydrated once. `step(name, body)` starts every behaviour
 *   from the state a fresh load gives: it restores the widget's controls to the values they had right
 *   after hydration, runs the widget's own reset (say, its Reset button), and compares the widget's
 *   markup and control values with those right after hydration; only when they differ, or when the
 *   previous step failed, is the page loaded and hydrated again. So no behaviour depends on another.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';

export class Checklist {
  private readonly failed: string[] = [];

  constructor(private readonly where: string) {}

  /** Runs `body` as a step named `name`; returns whether it passed. */
  async check(name: string, body: () => Promise<void>): Promise<boolean> {
    try {
      await test.step(name, body);
      return true;
    } catch (error) {
      this.failed.push(`${name}:\n${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  expectNoneFailed(): void {
    expect(this.failed, `checks that failed on ${this.where}`).toEqual([]);
  }
}

/**
 * Loads `path` in a new browser context with JavaScript off (the test's other context options, its
 * base URL among them, carry over), runs `body` on that page and closes the context, whatever happens:
 * how every spec reads a page without JavaScript.
 */
export async function withoutJavaScript<T>(browser: Browser, path: string, body: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(path);
    return await body(page);
  } finally {
    await context.close();
  }
}

/** Presses a button the way a reader can: not when it says it is unavailable (aria-disabled). */
export async function pressUnlessDisabled(button: Locator): Promise<void> {
  if ((await button.getAttribute('aria-disabled')) !== 'true') await button.click();
}

export interface WidgetOptions {
  /** The page the widget is on, e.g. "/module-16/hockey-stick/". */
  path: string;
  /** The widget's element, as `[data-widget="…"]` names it: its island is the astro-island that holds it. */
  name: string;
  /** The element the steps work with (a form found by its role, say); the [data-widget] element by default. */
  widget?: (page: Page) => Locator;
  /** What the widget does after hydration before it is ready (e.g. `data-ready="true"`). */
  ready?: (widget: Locator) => Promise<void>;
  /** Puts the widget back at its start once its controls are restored (e.g. its Reset button). */
  reset?: (widget: Locator) => Promise<void>;
}

interface ControlState {
  name: string;
  type: string;
  value: string;
  checked: boolean;
}

/** The named controls inside `root`, in document order. */
const readControls = (root: Locator): Promise<ControlState[]> =>
  root.evaluate((el) =>
    [...el.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name], select[name], textarea[name]')].map((c) => ({
      name: c.name,
      type: c instanceof HTMLInputElement ? c.type : c.tagName.toLowerCase(),
      value: c.value,
      checked: c instanceof HTMLInputElement && c.checked,
    })),
  );

/** A widget on its page, loaded and hydrated once, that every step finds as a fresh load leaves it. */
export class HydratedWidget {
  readonly checklist: Checklist;
  /** How many times the page was loaded (1 when every step could share the first load), and why. */
  loads = 0;
  private readonly reloads: string[] = [];
  private lastStep = '';
  private initial: { markup: string; controls: ControlState[] } | undefined;
  private dirty = false;
  private started = false;

  private constructor(
    readonly page: Page,
    private readonly options: WidgetOptions,
  ) {
    this.checklist = new Checklist(options.path);
  }

  /** Loads the page and hydrates the widget. */
  static async open(page: Page, options: WidgetOptions): Promise<HydratedWidget> {
    const widget = new HydratedWidget(page, options);
    await widget.load();
    return widget;
  }

  /** The astro-island that holds the widget. */
  get island(): Locator {
    return this.page.locator(`astro-island:has([data-widget="${this.options.name}"])`);
  }

  /** The element the steps work with. */
  get widget(): Locator {
    return this.options.widget ? this.options.widget(this.page) : this.page.locator(`[data-widget="${this.options.name}"]`);
  }

  private async load(): Promise<void> {
    this.loads++;
    await this.page.goto(this.options.path);
    await this.island.scrollIntoViewIfNeeded();
    // Astro removes the `ssr` attribute once the island has hydrated. A guard against a widget that
    // never hydrates, not a speed check: npm test runs this beside the lab proofs on two cores, where
    // hydration took over Playwright's default 5 s at load average 15.
    await expect(this.island, `${this.options.name} hydrates once in view`).not.toHaveAttribute('ssr', { timeout: 30_000 });
    await this.options.ready?.(this.widget);
    this.initial = { markup: await this.markup(), controls: await readControls(this.island) };
    this.dirty = false;
  }

  private markup(): Promise<string> {
    return this.island.evaluate((el) => el.innerHTML);
  }

  /** Whether the widget shows what it showed right after hydration, controls included. */
  private async atStart(timeout: number): Promise<boolean> {
    const initial = this.initial!;
    try {
      await expect
        .poll(async () => (await this.markup()) === initial.markup && JSON.stringify(await readControls(this.island)) === JSON.stringify(initial.controls), {
          timeout,
          // A reset re-renders within a frame or two: look again soon rather than after expect.poll's 100, 250, 500 ms.
          intervals: [20, 50, 100, 250],
        })
        .toBe(true);
      return true;
    } catch {
      return false;
    }
  }

  /** Sets the controls back to their values right after hydration, as a reader would. */
  private async restoreControls(): Promise<void> {
    // Twice: a select can bring fields in or out of the form (a trigger's kind and its size, say).
    for (let pass = 0; pass < 2; pass++) {
      const now = await readControls(this.island);
      for (const control of this.initial!.controls) {
        const current = now.find((c) => c.name === control.name && (control.type !== 'radio' || c.value === control.value));
        if (!current) continue;
        const selector =
          control.type === 'radio' ? `[name="${control.name}"][value="${control.value}"]` : `[name="${control.name}"]`;
        const element = this.island.locator(selector).first();
        if (control.type === 'checkbox' || control.type === 'radio') {
          if (current.checked !== control.checked && (control.type === 'checkbox' || control.checked)) await element.setChecked(control.checked);
        } else if (current.value !== control.value) {
          if (control.type === 'select') await element.selectOption(control.value);
          else await element.fill(control.value);
        }
      }
    }
  }

  /** Brings the widget back to its start: restores its controls and resets it, or loads the page again. */
  private async fresh(): Promise<void> {
    if (this.dirty) {
      this.reloads.push(`after the failed step "${this.lastStep}"`);
      return this.load();
    }
    try {
      await this.restoreControls();
      await this.options.reset?.(this.widget);
      await this.options.ready?.(this.widget);
      if (await this.atStart(5_000)) return;
    } catch {
      // Whatever went wrong, a fresh load is the way back.
    }
    this.reloads.push(`after "${this.lastStep}", which restoring the controls did not undo`);
    await this.load();
  }

  /**
   * Runs a behaviour as a named step, starting from the widget's state after a fresh load; a failing
   * step is recorded (see {@link Checklist}) and the page is loaded again for the next one.
   */
  async step(name: string, body: (widget: Locator) => Promise<void>): Promise<boolean> {
    if (this.started) await this.fresh();
    this.started = true;
    this.lastStep = name;
    const passed = await this.checklist.check(name, () => body(this.widget));
    if (!passed) this.dirty = true;
    return passed;
  }

  /** A check that needs nothing of the widget (the lesson's text, its lab embed), on the same load. */
  check(name: string, body: () => Promise<void>): Promise<boolean> {
    return this.checklist.check(name, body);
  }

  expectNoneFailed(): void {
    // How many loads the steps needed, in the report: 1 when every step could share the first.
    test.info().annotations.push({ type: 'loads', description: [`${this.options.path}: ${this.loads}`, ...this.reloads].join('; ') });
    this.checklist.expectNoneFailed();
  }
}
