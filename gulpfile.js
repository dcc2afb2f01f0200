const { src, dest } = require('gulp');

/**
 * Copies what tsc does not: node and credential icons and the nodes' codex files (*.node.json),
 * keeping their folders, so that `file:` icon paths resolve inside dist/.
 */
function copyAssets() {
	return src(['icons/**/*.svg', 'nodes/**/*.{svg,png,node.json}', 'nodes/**/__schema__/**/*.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = copyAssets;
exports.default = copyAssets;
