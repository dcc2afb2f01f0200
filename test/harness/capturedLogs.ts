/**
 * Everything n8n logs while nodes run, kept for inspection instead of printed: the engine's
 * LoggerProxy (WorkflowExecute's debug lines), the Logger n8n-core's services take from its DI
 * container (ErrorReporter writes each node error and its causes there), console.* and raw writes to
 * stdout/stderr.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy, type Logger as WorkflowLogger, type LogMetadata } from 'n8n-workflow';

export interface LogEntry {
	channel: 'logger' | 'console' | 'stdout' | 'stderr';
	level: string;
	message: string;
	meta?: unknown;
}

export interface LogCapture {
	entries: LogEntry[];
	/** Gives console and the std streams back (the loggers keep recording: n8n-core has no way to reset them). */
	stop(): void;
}

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;
const CONSOLE_METHODS = ['log', 'error', 'warn', 'info', 'debug', 'trace'] as const;

export function captureLogs(): LogCapture {
	const entries: LogEntry[] = [];
	const record = (entry: LogEntry) => entries.push(entry);

	const logger = Object.fromEntries(
		LEVELS.map((level) => [
			level,
			(message: string, meta?: LogMetadata) => {
				record({ channel: 'logger', level, message, meta });
			},
		]),
	) as unknown as WorkflowLogger;
	LoggerProxy.init(logger);
	// n8n-core's services (ErrorReporter, node contexts' `logger`) resolve the Logger from the container.
	const scoped = { ...logger, scoped: () => scoped };
	Container.set(Logger, scoped as unknown as Logger);

	const consoleOriginals = CONSOLE_METHODS.map((method) => [method, console[method]] as const);
	for (const method of CONSOLE_METHODS) {
		console[method] = (...args: unknown[]) => record({ channel: 'console', level: method, message: args.map(String).join(' '), meta: args });
	}
	const streams = [
		['stdout', process.stdout],
		['stderr', process.stderr],
	] as const;
	const writeOriginals = streams.map(([, stream]) => stream.write);
	for (const [channel, stream] of streams) {
		const original = stream.write.bind(stream);
		stream.write = ((chunk: unknown, ...rest: unknown[]) => {
			record({ channel, level: 'write', message: Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk) });
			return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
		}) as typeof stream.write;
	}

	return {
		entries,
		stop() {
			for (const [method, original] of consoleOriginals) console[method] = original as never;
			streams.forEach(([, stream], i) => (stream.write = writeOriginals[i]));
		},
	};
}
