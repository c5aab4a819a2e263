// Search benchmark: load the search page from file:// in Chromium under a
// strict Content-Security-Policy and time queries.
//
//   node tests/bench/search_bench.js INDEX.js [TEXT_BYTES]
//   node tests/bench/search_bench.js --site OUTDIR [TEXT_BYTES]
//
// INDEX.js: a search index written by search_write() (search-index.js); the
// harness puts it beside assets/js/search.js in a temporary folder with a
// minimal search page. --site OUTDIR: open OUTDIR/search.html of a built
// site instead. TEXT_BYTES: the site's plain-text size, to print the
// index's share of it.
//
// Prints the index size, the time from navigation to the first result
// list (load and parse of the index), and for each query the median of
// RUNS runs of: the search alone (showcaseSearch.search) and the whole
// submit (search, then the first page of results drawn into the DOM,
// measured with performance.now() around form.requestSubmit(), whose
// handler is synchronous). A benchmark: it fails only when the page does
// not work (a console error, a request that is not file://, no result
// where one is expected), never on a time.
//
// Needs playwright-core (tests/browser/node_modules) and /usr/bin/chromium.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const { chromium } = require(path.join(ROOT, 'tests/browser/node_modules/playwright-core'));

const RUNS = +(process.env.SEARCH_RUNS || 20);
const QUERIES = [
	['2 characters', '党建'],
	['4 characters', '志愿服务'],
	['7 characters', '红色服务新阵地'],
	['1 character', '党'],
	['Latin word', 'training'],
	['number', '2019'],
	['mixed', '2023年 志愿'],
	['no hit', '量子计算'],
	['unknown word', 'zzyzx'],
];

function fail(msg) {
	console.error('search_bench: error: ' + msg);
	process.exit(1);
}

function median(xs) {
	const s = xs.slice().sort((a, b) => a - b);
	const n = s.length;
	return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

// A folder with the page, the index and search.js; returns the page's path.
function makePage(indexFile) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-bench-'));
	const js = path.join(dir, 'assets', 'js');
	fs.mkdirSync(js, { recursive: true });
	fs.copyFileSync(indexFile, path.join(js, 'search-index.js'));
	fs.copyFileSync(path.join(ROOT, 'assets/js/search.js'), path.join(js, 'search.js'));
	// The markup of templates/search.tpl with the labels filled in, and a
	// policy that allows no inline script, no eval and nothing remote.
	const tpl = fs.readFileSync(path.join(ROOT, 'templates/search.tpl'), 'utf8');
	const labels = {
		ROOT: '', LABEL_SEARCH: '搜索', LABEL_SEARCH_FIELD: '关键词',
		LABEL_SEARCH_MORE: '显示更多结果', LABEL_SEARCH_NOSCRIPT: '搜索需要启用 JavaScript。',
	};
	const body = tpl.replace(/^\{\{%AUTOESCAPE[^}]*\}\}/, '')
		.replace(/\{\{([A-Z_]+)\}\}/g, (m, k) => {
			if (!(k in labels))
				fail('unknown template variable ' + k);
			return labels[k];
		});
	const html = '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
		'<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; ' +
		'script-src \'self\'; style-src \'self\'; object-src \'none\'">\n' +
		'<title>搜索</title>\n</head>\n<body>\n<main>\n' + body + '</main>\n</body>\n</html>\n';
	const page = path.join(dir, 'search.html');
	fs.writeFileSync(page, html);
	return { dir, page };
}

(async () => {
	const args = process.argv.slice(2);
	let page, dir = null, indexFile;
	if (args[0] === '--site') {
		if (!args[1])
			fail('--site needs the output folder');
		page = path.resolve(args[1], 'search.html');
		indexFile = path.resolve(args[1], 'assets/js/search-index.js');
		args.splice(0, 2);
	} else {
		if (!args[0])
			fail('usage: search_bench.js INDEX.js [TEXT_BYTES] | --site OUTDIR [TEXT_BYTES]');
		indexFile = path.resolve(args[0]);
		({ dir, page } = makePage(indexFile));
		args.splice(0, 1);
	}
	if (!fs.existsSync(indexFile))
		fail(indexFile + ' is missing');
	const indexBytes = fs.statSync(indexFile).size;
	const textBytes = args[0] ? +args[0] : 0;

	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--no-first-run'],
	});
	const problems = [];
	try {
		const ctx = await browser.newContext();
		const tab = await ctx.newPage();
		tab.on('console', m => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
		tab.on('pageerror', e => problems.push('page error: ' + e.message));
		tab.on('request', r => { if (!r.url().startsWith('file://')) problems.push('request: ' + r.url()); });

		// Load: navigation start to the results of ?q= drawn.
		const url = 'file://' + page + '?q=' + encodeURIComponent('党建');
		const loads = [];
		for (let i = 0; i < 5; i++) {
			await tab.goto(url);
			await tab.waitForSelector('#search-results li');
			loads.push(await tab.evaluate(() => {
				const nav = performance.getEntriesByType('navigation')[0];
				return { ms: performance.now(), dom: nav ? nav.domContentLoadedEventEnd : 0 };
			}));
		}
		const docs = await tab.evaluate(() => window.SHOWCASE_SEARCH.docs.length);
		const load = median(loads.map(l => l.dom));

		const rows = await tab.evaluate(({ queries, runs }) => {
			const form = document.getElementById('search-form');
			const input = form.elements.namedItem('q');
			const status = document.getElementById('search-status');
			const out = [];
			for (const [label, q] of queries) {
				const search = [], submit = [];
				let hits = 0;
				for (let i = 0; i < runs; i++) {
					let t = performance.now();
					const r = window.showcaseSearch.search(window.SHOWCASE_SEARCH, q);
					search.push(performance.now() - t);
					hits = r ? r.results.length : 0;
					input.value = q;
					t = performance.now();
					form.requestSubmit();
					// Reading layout forces style and layout of the new DOM.
					void document.getElementById('search-results').offsetHeight;
					submit.push(performance.now() - t);
				}
				const med = xs => {
					const s = xs.slice().sort((a, b) => a - b), n = s.length;
					return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
				};
				out.push({
					label, q, hits, status: status.textContent,
					marks: document.querySelectorAll('#search-results mark').length,
					shown: document.querySelectorAll('#search-results li').length,
					search: med(search), submit: med(submit), max: Math.max(...submit),
				});
			}
			return out;
		}, { queries: QUERIES, runs: RUNS });

		console.log('== search bench ==');
		console.log(`index: ${(indexBytes / 1048576).toFixed(2)} MB, ${docs} pages` +
			(textBytes ? `; text ${(textBytes / 1048576).toFixed(2)} MB; index/text ${(100 * indexBytes / textBytes).toFixed(1)}%` : ''));
		console.log(`load (navigation to DOMContentLoaded, index parsed, median of 5): ${load.toFixed(0)} ms`);
		console.log(`queries: median of ${RUNS} runs; "search" is the lookup and ranking,` +
			' "submit" adds drawing the first page of results');
		console.log('query                    hits    search ms  submit ms  max ms  status');
		for (const r of rows) {
			console.log(`${(r.label + ' ' + r.q).padEnd(22, ' ')} ${String(r.hits).padStart(6)}` +
				`  ${r.search.toFixed(2).padStart(9)}  ${r.submit.toFixed(2).padStart(9)}` +
				`  ${r.max.toFixed(1).padStart(6)}  ${r.status}`);
			if (r.q !== '量子计算' && r.q !== 'zzyzx' && (!r.hits || (/[\u4e00-\u9fff]/.test(r.q) && !r.marks)))
				problems.push(`no result or no highlight for "${r.q}"`);
			if ((r.q === '量子计算' || r.q === 'zzyzx') && (r.hits || r.status !== '没有找到相关内容'))
				problems.push(`"${r.q}" should find nothing`);
			if (r.hits && r.status !== `找到 ${r.hits} 条结果`)
				problems.push(`status for "${r.q}": ${r.status}`);
		}
	} finally {
		await browser.close();
		if (dir)
			fs.rmSync(dir, { recursive: true, force: true });
	}
	if (problems.length)
		fail(problems.join('\n'));
})().catch(e => fail(e.stack || String(e)));
