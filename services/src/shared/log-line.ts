/** One structured log record; written as one JSON line. */
export type LogLine = Record<string, unknown>;

/** Where a service writes its log lines. Tests pass a collector; production writes stdout. */
export type LogSink = (line: LogLine) => void;

/** The default sink: one JSON line per record on stdout, for any log shipper to pick up. */
export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};
