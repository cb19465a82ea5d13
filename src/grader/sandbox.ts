/**
 * What lab code sees of the worker it runs in. The grader's runner (runner.ts) calls `installSandbox`
 * when the worker starts, before any test file or lab file is loaded; lab-guard.ts then opens every
 * module of the student's own code with a one-line prelude (`SANDBOX_PRELUDE`) that shadows the names
 * through which code reaches the grading machinery:
 *
 *   - `globalThis` / `global` become a view of the global object without Vitest's internals
 *     (`__vitest_worker__` holds the channel to the main process, `__vitest_index__` is `vitest`
 *     itself, symbol-keyed globals hold `expect`'s matchers);
 *   - `process` becomes a view with only what a lab could want (env without the grader's variables,
 *     hrtime, nextTick, stdout, exit, …): no IPC channel (`send`, `channel`), no `getBuiltinModule`,
 *     `binding`, `dlopen`, `kill` or active handles;
 *   - `require`, `module` and `exports` (which Vitest's module runner passes to every module) are gone.
 *
 * `eval` and `new Function` are refused by Node itself (--disallow-code-generation-from-strings, see
 * isolation.ts), so the prelude cannot be stepped around with code built from strings, and imports go
 * through lab-guard.ts in the process that owns Vitest.
 *
 * The second half watches the built-ins the assertions depend on: a snapshot of their properties is
 * taken before lab code loads and compared before and after every test, so a lab that patches
 * `Math.abs` or `Object.is` is reported as not valid rather than graded.
 */

/** The global through which lab modules get their view of the worker (see SANDBOX_PRELUDE). */
export const SANDBOX_GLOBAL = '__qc_sandbox__';

/**
 * Prepended, on the same line as the first line of code (so line numbers stay right), to every module
 * of the student's code. Vitest's module runner wraps a module in a function whose parameters include
 * `require`, `module` and `exports`; these `const`s shadow them and the globals above.
 */
export const SANDBOX_PRELUDE =
  `const globalThis = ${SANDBOX_GLOBAL}.globalThis, global = globalThis, process = ${SANDBOX_GLOBAL}.process, ` +
  'require = undefined, module = undefined, exports = undefined, __vitest_worker__ = undefined, ' +
  '__vitest_mocker__ = undefined, __vitest_index__ = undefined, __vitest_required__ = undefined, ' +
  '__vitest_environment__ = undefined, __vitest_browser__ = undefined;';

/** Properties of `process` that lab code may use; everything else reads as undefined. */
const PROCESS_ALLOWED = new Set<PropertyKey>([
  'env', 'argv', 'version', 'versions', 'platform', 'arch', 'release', 'pid', 'ppid', 'title', 'exitCode',
  'exit', 'hrtime', 'nextTick', 'memoryUsage', 'cpuUsage', 'resourceUsage', 'uptime', 'stdout', 'stderr',
  'emitWarning', 'on', 'once', 'off', 'addListener', 'removeListener', 'cwd', 'features', 'allowedNodeEnvironmentFlags',
  Symbol.toStringTag,
]);

/** Global names that belong to the test machinery. */
function hiddenGlobal(key: PropertyKey): boolean {
  if (typeof key === 'symbol') return key !== Symbol.toStringTag;
  if (typeof key !== 'string') return false;
  return key.startsWith('__vitest') || key.startsWith('__vite') || key.startsWith('__qc');
}

const { defineProperty, freeze, create, is } = Object;
const { get, set, has, ownKeys, getOwnPropertyDescriptor, deleteProperty, getPrototypeOf } = Reflect;
const apply = Reflect.apply;
const bind = Function.prototype.bind;

/**
 * A read-through view of `target` that hides some keys, as seen by lab code. `override` may answer a
 * read itself by returning `{ value }`. The proxy's own target is an empty object, so the view is bound
 * by no invariant of the real object's non-configurable properties (it can hide them).
 */
function view(target: object, hide: (key: PropertyKey) => boolean, override: (key: PropertyKey) => { value: unknown } | undefined): object {
  return new Proxy(create(null) as object, {
    get: (_t, key) => (hide(key) ? undefined : (override(key) ?? { value: get(target, key) }).value),
    set: (_t, key, value) => !hide(key) && set(target, key, value),
    has: (_t, key) => !hide(key) && has(target, key),
    deleteProperty: (_t, key) => !hide(key) && deleteProperty(target, key),
    ownKeys: () => ownKeys(target).filter((key) => !hide(key)),
    getOwnPropertyDescriptor: (_t, key) => {
      if (hide(key)) return undefined;
      const descriptor = getOwnPropertyDescriptor(target, key);
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
    defineProperty: (_t, key, descriptor) => !hide(key) && Reflect.defineProperty(target, key, { ...descriptor, configurable: true }),
    getPrototypeOf: () => getPrototypeOf(target),
  });
}

/** The environment variables the grader uses to talk to its runner and reporter. */
const graderVariable = (name: string): boolean => name.startsWith('QC_');

/** The specifier a refused run-time `import()` is turned into; lab-guard.ts refuses it by name. */
const REFUSED = 'qc-refused:';
const { startsWith } = String.prototype;
const encode = encodeURIComponent;

/**
 * The check every run-time `import(spec)` of lab code goes through (lab-guard.ts rewrites it to
 * `import(check(spec, labDir, importerDir))`). A relative path inside the lab's folder passes as it is,
 * to be checked again by the guard; anything else (a package, a built-in, an absolute path, a data:
 * URL, which Vitest would load without asking the guard) becomes a specifier the guard refuses.
 */
export function makeImportCheck(resolvePath: (from: string, to: string) => string, sep: string) {
  const { includes, endsWith } = String.prototype;
  return (spec: unknown, labDir: string, importerDir: string): string => {
    const text = `${spec as string}`;
    if ((apply(startsWith, text, ['./']) || apply(startsWith, text, ['../'])) && !apply(includes, text, ['?']) && !apply(includes, text, ['#'])) {
      const path = resolvePath(importerDir, text);
      const inside = apply(startsWith, path, [labDir + sep]);
      // Vitest loads an absolute path without asking the guard again: .meta and the tests stop here.
      if (inside && !apply(includes, path, [`${sep}.meta`]) && !apply(endsWith, path, ['.test.ts'])) return text;
    }
    return REFUSED + encode(text);
  };
}

/**
 * Builds the sandbox (the views lab code sees) and puts it on the global object, where the prelude
 * finds it. Idempotent: a worker that runs several files keeps the first one.
 */
export function installSandbox(check: ReturnType<typeof makeImportCheck>, realGlobal: typeof globalThis = globalThis): void {
  if (has(realGlobal, SANDBOX_GLOBAL)) return;
  const realProcess = realGlobal.process;
  const env = freeze(Object.fromEntries(Object.entries(realProcess.env).filter(([name]) => !graderVariable(name))));
  const processView = view(
    realProcess,
    (key) => !PROCESS_ALLOWED.has(key),
    (key) => {
      if (key === 'env') return { value: env };
      const value: unknown = get(realProcess, key);
      if (typeof value !== 'function') return { value };
      // Methods run against the real process (EventEmitter keeps its listeners there). Bound on
      // every read: Vitest swaps process.exit while tests run, and the view must follow.
      return { value: apply(bind, value, [realProcess]) as unknown };
    },
  );
  const globalView: object = view(realGlobal, hiddenGlobal, (key) => {
    if (key === 'globalThis' || key === 'global') return { value: globalView };
    if (key === 'process') return { value: processView };
    return undefined;
  });
  defineProperty(realGlobal, SANDBOX_GLOBAL, {
    value: freeze({ globalThis: globalView, process: processView, check }),
    enumerable: false,
    writable: false,
    configurable: false,
  });
}

// ---------------------------------------------------------------------------------------------------
// Built-ins the assertions depend on.

/** The standard objects whose properties are watched (by their global name). */
const WATCHED = [
  'Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Math', 'JSON', 'Reflect',
  'Promise', 'Error', 'RangeError', 'TypeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError',
  'AggregateError', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'RegExp', 'ArrayBuffer', 'DataView',
  'Float64Array', 'Int32Array', 'Uint8Array', 'Uint32Array', 'Proxy', 'Atomics', 'structuredClone', 'Intl',
] as const;
/** Properties that Node or Vitest change while tests run; lab code changing them gains nothing. */
const UNWATCHED = new Set(['Error.stackTraceLimit', 'Error.prepareStackTrace', 'Error.captureStackTrace']);

interface Watched {
  name: string;
  object: object;
  keys: PropertyKey[];
  descriptors: (PropertyDescriptor | undefined)[];
}

export interface IntrinsicsSnapshot {
  globals: { name: string; descriptor: PropertyDescriptor | undefined }[];
  objects: Watched[];
}

const keyName = (key: PropertyKey): string => (typeof key === 'symbol' ? `[${String(key.description)}]` : String(key));

function sameDescriptor(a: PropertyDescriptor | undefined, b: PropertyDescriptor | undefined): boolean {
  if (!a || !b) return a === b;
  return is(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable && a.configurable === b.configurable;
}

function watchedObjects(realGlobal: typeof globalThis): { name: string; object: object }[] {
  const out: { name: string; object: object }[] = [];
  for (let i = 0; i < WATCHED.length; i++) {
    const name = WATCHED[i]!;
    const value = get(realGlobal, name) as unknown;
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) continue;
    out.push({ name, object: value });
    const prototype = typeof value === 'function' ? (get(value, 'prototype') as unknown) : undefined;
    if (typeof prototype === 'object' && prototype !== null) out.push({ name: `${name}.prototype`, object: prototype });
  }
  return out;
}

/** Records the watched built-ins; call before any lab code loads. */
export function snapshotIntrinsics(realGlobal: typeof globalThis = globalThis): IntrinsicsSnapshot {
  const globals = WATCHED.map((name) => ({ name, descriptor: getOwnPropertyDescriptor(realGlobal, name) }));
  const objects = watchedObjects(realGlobal).map(({ name, object }) => {
    const keys = ownKeys(object);
    return { name, object, keys, descriptors: keys.map((key) => getOwnPropertyDescriptor(object, key)) };
  });
  return { globals, objects };
}

/**
 * What changed in the watched built-ins since `snapshot`, as names ("Math.abs", "Array.prototype.last
 * (added)"); empty when nothing did. Uses only functions captured when this module loaded, and plain
 * loops, so patched built-ins cannot hide a change from it.
 */
export function changedIntrinsics(snapshot: IntrinsicsSnapshot, realGlobal: typeof globalThis = globalThis): string[] {
  const changed: string[] = [];
  for (let i = 0; i < snapshot.globals.length; i++) {
    const { name, descriptor } = snapshot.globals[i]!;
    if (!sameDescriptor(descriptor, getOwnPropertyDescriptor(realGlobal, name))) changed[changed.length] = name;
  }
  for (let i = 0; i < snapshot.objects.length; i++) {
    const watched = snapshot.objects[i]!;
    for (let k = 0; k < watched.keys.length; k++) {
      const full = `${watched.name}.${keyName(watched.keys[k]!)}`;
      if (UNWATCHED.has(full)) continue;
      if (!sameDescriptor(watched.descriptors[k], getOwnPropertyDescriptor(watched.object, watched.keys[k]!))) changed[changed.length] = full;
    }
    const now = ownKeys(watched.object);
    if (now.length !== watched.keys.length) {
      for (let k = 0; k < now.length; k++) {
        let known = false;
        for (let j = 0; j < watched.keys.length; j++) if (watched.keys[j] === now[k]) known = true;
        const full = `${watched.name}.${keyName(now[k]!)}`;
        if (!known && !UNWATCHED.has(full)) changed[changed.length] = `${full} (added)`;
      }
    }
  }
  return changed;
}
