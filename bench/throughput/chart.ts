import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';

import type { Row } from './rows';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WIDTH = 1200;
const HEIGHT = 600;
const MARGIN = { left: 64, right: 48, top: 76, bottom: 130 };
/** Bars taller than this are cut and labelled, so one slow case does not flatten the rest. */
const Y_CAP = 2.5;

const COLORS: Record<string, string> = {
	'NP6 / HTTP Request node': '#1f77b4',
	'NP6 / undici': '#9ecae1',
	epochMs: '#2ca02c',
	epochSeconds: '#98df8a',
	delaySeconds: '#ff7f0e',
	retryAfter: '#9467bd',
	none: '#8c564b',
	'limit drop': '#d62728',
};

/** Renders the rows that have a ratio as a grouped bar chart PNG; false when Chromium is missing. */
export async function renderChart(rows: Row[], file: string, subtitle: string): Promise<boolean> {
	if (!existsSync(CHROMIUM)) return false;
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 2 });
		await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg(rows, subtitle)}</body></html>`);
		mkdirSync(dirname(file), { recursive: true });
		await page.locator('svg').screenshot({ path: file });
		return true;
	} finally {
		await browser.close();
	}
}

function svg(rows: Row[], subtitle: string): string {
	const charted = rows.filter((row) => row.ratio !== undefined);
	const groups = [...new Set(charted.map((row) => row.case))].map((name) => ({ name, bars: charted.filter((row) => row.case === name) }));
	const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
	const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
	const yMax = Math.min(Y_CAP, Math.ceil(Math.max(1.6, ...charted.map((row) => row.ratio!)) * 2) / 2);
	const y = (ratio: number) => MARGIN.top + plotHeight * (1 - Math.min(ratio, yMax) / yMax);
	const slots = charted.length + groups.length; // one empty slot between groups
	const slot = plotWidth / slots;
	const parts: string[] = [];

	for (let tick = 0; tick <= yMax + 1e-9; tick += 0.5) {
		parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e5e5e5"/>`);
		parts.push(text(MARGIN.left - 8, y(tick) + 4, `${tick.toFixed(1)}×`, { anchor: 'end', size: 12 }));
	}
	parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(1)}" y2="${y(1)}" stroke="#444" stroke-width="1.5"/>`);

	let x = MARGIN.left + slot / 2;
	for (const group of groups) {
		const start = x;
		for (const row of group.bars) {
			const top = y(row.ratio!);
			const barWidth = slot * 0.8;
			const left = x + (slot - barWidth) / 2;
			parts.push(`<rect x="${left}" y="${top}" width="${barWidth}" height="${y(0) - top}" fill="${COLORS[row.series] ?? '#777'}"/>`);
			let labelY = top - 4;
			if (row.allowedRatio !== undefined) {
				const limit = y(row.allowedRatio);
				parts.push(`<line x1="${left - 2}" x2="${left + barWidth + 2}" y1="${limit}" y2="${limit}" stroke="#000" stroke-width="2" stroke-dasharray="4 2"/>`);
				// Keep the value clear of the limit's dashes.
				if (labelY > limit - 4 && labelY < limit + 14) labelY = limit - 5;
			}
			const label = `${row.ratio!.toFixed(2)}${row.ratio! > yMax ? '↑' : ''}`;
			parts.push(text(x + slot / 2, labelY, label, { anchor: 'middle', size: 11, weight: row.ratio! > (row.allowedRatio ?? Infinity) ? 'bold' : 'normal', fill: row.ratio! > (row.allowedRatio ?? Infinity) ? '#c00' : '#222' }));
			x += slot;
		}
		parts.push(text((start + x) / 2, y(0) + 18, group.name, { anchor: 'middle', size: 13 }));
		x += slot;
	}

	const series = [...new Set(charted.map((row) => row.series))];
	const legendY = HEIGHT - 62;
	series.forEach((name, i) => {
		const lx = MARGIN.left + (i % 5) * 200;
		const ly = legendY + Math.floor(i / 5) * 22;
		parts.push(`<rect x="${lx}" y="${ly - 11}" width="14" height="14" fill="${COLORS[name] ?? '#777'}"/>`);
		parts.push(text(lx + 20, ly + 1, name, { size: 13 }));
	});
	const keyY = legendY + Math.ceil(series.length / 5) * 22;
	parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + 22}" y1="${keyY - 4}" y2="${keyY - 4}" stroke="#000" stroke-width="2" stroke-dasharray="4 2"/>`);
	parts.push(
		text(MARGIN.left + 28, keyY, 'acceptance limit for the bar  ·  1.0× = ideal (rate-limited) or the compared contender (no limit)  ·  lower is better', { size: 13 }),
	);

	parts.push(text(MARGIN.left, 30, 'NP6 Create or Update: time ÷ ideal', { size: 20, weight: 'bold' }));
	parts.push(text(MARGIN.left, 54, subtitle, { size: 13, fill: '#555' }));
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif">${parts.join('')}</svg>`;
}

function text(x: number, y: number, content: string, style: { anchor?: string; size: number; weight?: string; fill?: string }): string {
	const escaped = content.replace(/&/g, '&amp;').replace(/</g, '&lt;');
	return `<text x="${x}" y="${y}" text-anchor="${style.anchor ?? 'start'}" font-size="${style.size}" font-weight="${style.weight ?? 'normal'}" fill="${style.fill ?? '#222'}">${escaped}</text>`;
}
