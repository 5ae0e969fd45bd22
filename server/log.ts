import type { LogLevel } from "./config";

/** A tiny leveled logger: `[time] LEVEL scope: message`, to stderr/stdout. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
  /** A logger for a sub-part, e.g. `log.child("room default")`. */
  child(scope: string): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

type Sink = (level: Exclude<LogLevel, "silent">, line: string, details: unknown[]) => void;

const consoleSink: Sink = (level, line, details) => {
  const write = level === "error" || level === "warn" ? console.error : console.log;
  write(line, ...details);
};

export function createLogger(level: LogLevel = "info", scope = "deskmap", sink: Sink = consoleSink): Logger {
  const min = RANK[level];
  const emit = (lvl: Exclude<LogLevel, "silent">) => (message: string, ...details: unknown[]) => {
    if (RANK[lvl] < min) return;
    sink(lvl, `${new Date().toISOString()} ${lvl.toUpperCase().padEnd(5)} ${scope}: ${message}`, details);
  };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    child: (sub) => createLogger(level, `${scope}/${sub}`, sink),
  };
}

/** For tests and tools that want no output. */
export const silentLogger: Logger = createLogger("silent");
