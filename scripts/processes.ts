import { readdirSync, readFileSync } from 'node:fs';

/** A process as /proc/<pid>/stat shows it; startTime tells a process from a later one with its pid. */
export interface ProcessStat {
	pid: number;
	ppid: number;
	pgid: number;
	startTime: string;
	command: string;
}

/** Linux only: undefined when the process is gone, a zombie, or /proc is not there. */
export function processStat(pid: number): ProcessStat | undefined {
	let text: string;
	try {
		text = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return undefined;
	}
	// The command is in parentheses and may itself hold spaces and parentheses.
	const close = text.lastIndexOf(')');
	const fields = text.slice(close + 2).split(' ');
	if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
	return {
		pid,
		ppid: Number(fields[1]),
		pgid: Number(fields[2]),
		startTime: fields[19],
		command: text.slice(text.indexOf('(') + 1, close),
	};
}

export function listProcesses(): ProcessStat[] {
	const stats: ProcessStat[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = processStat(Number(entry));
		if (stat) stats.push(stat);
	}
	return stats;
}

/** The process and all its descendants. */
export function processTree(rootPid: number): ProcessStat[] {
	const all = listProcesses();
	const tree = all.filter((p) => p.pid === rootPid);
	for (let i = 0; i < tree.length; i++) tree.push(...all.filter((p) => p.ppid === tree[i].pid));
	return tree;
}

/** Whether this very process (not a later one with its pid) still runs. */
export function isRunning(stat: ProcessStat): boolean {
	return processStat(stat.pid)?.startTime === stat.startTime;
}

/**
 * Calls back once when a process that started this one (its parent, or any ancestor) has exited:
 * a killed `npm`, `sh -c` or terminal leaves this process running otherwise. Polls /proc; where
 * there is none, it watches the parent's pid only.
 */
export function onAncestorExit(callback: () => void, intervalMs = 500): void {
	const ancestors: ProcessStat[] = [];
	for (let stat = processStat(process.ppid); stat && stat.pid > 1; stat = processStat(stat.ppid)) ancestors.push(stat);
	const parent = process.ppid;
	const timer = setInterval(() => {
		const gone = process.ppid !== parent || ancestors.some((ancestor) => !isRunning(ancestor));
		if (!gone) return;
		clearInterval(timer);
		callback();
	}, intervalMs);
	timer.unref();
}
