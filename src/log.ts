import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { pino, type Logger } from 'pino';

/** Slack tokens look like this; none may reach a log line. */
const TOKEN = /\bx(?:ox[abpersc]|app)-[A-Za-z0-9-]+/g;

/**
 * The app's logger: JSON lines in production, readable lines in a terminal. Errors are logged
 * with message, stack and code (pino's error serializer, under `err` or `error`). Tokens and the
 * given secrets are replaced by `[redacted]` wherever they appear in the finished line, error
 * messages and stacks included.
 */
export function createLogger(options: { level: string; secrets?: (string | undefined)[]; pretty?: boolean; destination?: NodeJS.WritableStream }): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  // A secret appears in a JSON line as JSON writes it: quotes and backslashes escaped.
  const written = [...new Set(secrets.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]))];
  const scrub = (line: string) => written.reduce((out, secret) => out.split(secret).join('[redacted]'), line.replace(TOKEN, '[redacted]'));
  const pretty = options.pretty ?? (process.stdout.isTTY && process.env.NODE_ENV !== 'production');
  return pino(
    {
      level: options.level,
      redact: { paths: ['token', 'botToken', 'appToken', 'signingSecret', '*.token', 'headers.authorization'], censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
      hooks: { streamWrite: scrub },
      ...(pretty && !options.destination ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
    },
    options.destination as pino.DestinationStream | undefined,
  );
}

const TO_PINO: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** The Bolt level nearest a pino level, so Bolt filters its own lines as pino would. */
export function boltLevel(level: string): LogLevel {
  if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  return level === 'warn' ? LogLevel.WARN : LogLevel.ERROR;
}

/** Bolt's Logger interface over pino, so Bolt's own lines go through the same logger. */
export function boltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: 'bolt' });
  const line = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? (p.stack ?? p.message) : JSON.stringify(p))).join(' ');
  return {
    debug: (...msg) => child.debug(line(msg)),
    info: (...msg) => child.info(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    error: (...msg) => child.error(line(msg)),
    setLevel: (level) => {
      child.level = TO_PINO[level];
    },
    getLevel: () => (Object.entries(TO_PINO).find(([, v]) => v === child.level)?.[0] as LogLevel | undefined) ?? LogLevel.INFO,
    setName: (name) => {
      child = logger.child({ component: name });
    },
  };
}
