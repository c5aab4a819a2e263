// Search benchmark: open the search page of a built site from file:// in
// Chromium and measure, for each query, the bytes of index files it loads
// and the time until the first results are drawn; then check phrase
// semantics against the case studies themselves.
//
//   node tests/bench/search_bench.js OUTDIR SITEDIR
//
// OUTDIR is the built site, SITEDIR its source (content/cases/*.md). For
// each query: bytes moved (index.js, term shards, page chunks: the sizes
// of the files the page requested), and the median of RUNS loads of
// search.html?q=... until the status and the first results are drawn.
// Then, for the runs of Chinese characters among the queries: every case
// study whose title, summary or text holds the exact run must be found
// (no miss), and the share of found case studies that do not hold it is
// the false-positive rate (pairs present apart). A benchmark: it fails
// only when search does not work (an error, a miss, a request that is not
// file://), never on a time or a size.
//
// Needs playwright-core (tests/browser/node_modules) and /usr/bin/chromium.
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const ROOT = path.resolve(__dirname, '..', '..');
const { chromium } = require(path.join(ROOT, 'tests/browser/node_modules/playwright-core'));

const RUNS = +(process.env.SEARCH_RUNS || 5);
const QUERIES = [
	['2 characters', '党建'],
	['4 characters', '志愿服务'],
	['7 characters', '红色服务新阵地'],
	['1 character', '党'],
	['Latin word', 'training'],
	['number', '2019'],
	['mixed', '2023年 志愿'],
	['no hit', '量子计算'],
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

const [out, site] = process.argv.slice(2);
if (!out || !site) fail('usage: search_bench.js OUTDIR SITEDIR');
const page = pathToFileURL(path.resolve(out, 'search.html')).href;

// The case studies as the index sees them: title, summary and body.
function cases() {
	const dir = path.join(site, 'content', 'cases');
	return fs.readdirSync(dir).filter(f => f.endsWith('.md')).map(f => {
		const t = fs.readFileSync(path.join(dir, f), 'utf8');
		return { url: 'cases/' + f.replace(/\.md$/, '.html'), text: t };
	});
}

(async () => {
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
	const ctx = await browser.newContext();
	const p = await ctx.newPage();
	const problems = [];
	p.on('pageerror', e => problems.push(String(e)));
	p.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
	let files = [];
	p.on('request', r => {
		const u = r.url();
		if (!u.startsWith('file://')) problems.push('request off the disk: ' + u);
		else if (/\/assets\/search\//.test(u)) files.push(decodeURIComponent(new URL(u).pathname));
	});
	const rows = [];
	for (const [label, q] of QUERIES) {
		const times = [];
		let bytes = 0, hits = '';
		for (let i = 0; i < RUNS; i++) {
			files = [];
			const t0 = Date.now();
			await p.goto(`${page}?q=${encodeURIComponent(q)}`);
			await p.waitForFunction(() => {
				const s = (document.getElementById('search-status') || {}).textContent || '';
				return s && !/正在/.test(s) && (/没有/.test(s) || document.querySelector('#search-results > li'));
			}, null, { timeout: 20000 });
			times.push(Date.now() - t0);
			bytes = [...new Set(files)].reduce((n, f) => n + fs.statSync(f).size, 0);
			hits = await p.textContent('#search-status');
		}
		rows.push({ label, q, ms: median(times), bytes, hits });
	}
	console.log('== search bench ==');
	const all = fs.readdirSync(path.join(out, 'assets', 'search'));
	const total = all.reduce((n, f) => n + fs.statSync(path.join(out, 'assets', 'search', f)).size, 0);
	console.log(`index: ${all.length} files, ${(total / 1048576).toFixed(2)} MB in all`);
	console.log(`queries: median of ${RUNS} loads of search.html?q=, to the first results drawn`);
	console.log('query                          moved kB   ms  status');
	for (const r of rows)
		console.log(`${(r.label + ' ' + r.q).padEnd(30)} ${(r.bytes / 1024).toFixed(0).padStart(8)} ${String(r.ms).padStart(4)}  ${r.hits}`);
	const worst = Math.max(...rows.map(r => r.bytes));
	console.log(`most moved by one query: ${(worst / 1024).toFixed(0)} kB (goal at most 300 kB)`);

	// Phrase semantics against the corpus.
	const corpus = cases();
	for (const q of ['志愿服务', '红色服务新阵地', '党建']) {
		const found = await p.evaluate(async q => {
			const s = window.showcaseSearch, res = await s.find(q), urls = [];
			for (const d of res.results) {
				await s.load(s.chunkOf(d));
				urls.push(s.page(d)[0]);
			}
			return urls;
		}, q);
		const got = new Set(found.filter(u => u.startsWith('cases/')));
		const truth = corpus.filter(c => c.text.includes(q)).map(c => c.url);
		const missed = truth.filter(u => !got.has(u));
		if (missed.length) problems.push(`"${q}": ${missed.length} case studies hold it and are not found, e.g. ${missed[0]}`);
		const fp = got.size ? (got.size - (truth.length - missed.length)) / got.size : 0;
		console.log(`phrase "${q}": ${truth.length} case studies hold it, ${got.size} found, ${missed.length} missed, false positives ${(100 * fp).toFixed(1)} %`);
	}
	await browser.close();
	if (problems.length) fail([...new Set(problems)].slice(0, 10).join('\n'));
})().catch(e => fail(e.stack || String(e)));
