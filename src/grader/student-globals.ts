/**
 * The few globals a lab may use beyond the ES library, for the grader's fast type check
 * (static-checks.ts) and the lesson page's type-check worker. No Node imports.
 */
export const STUDENT_GLOBALS = `
interface Console { log(...data: any[]): void; error(...data: any[]): void; warn(...data: any[]): void; info(...data: any[]): void; debug(...data: any[]): void; table(data: any, columns?: string[]): void; time(label?: string): void; timeEnd(label?: string): void; }
declare var console: Console;
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): any;
declare function clearTimeout(id: any): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): any;
declare function clearInterval(id: any): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
declare var performance: { now(): number };
`;
