// The browser half of tests/serve/run: Chromium against `showcase serve`.
//   node serve.js BASE_URL SITE_DIR OUT_DIR
// BASE_URL is the preview (http://127.0.0.1:PORT/, started with --drafts),
// SITE_DIR the site it watches, which this script edits, OUT_DIR where the
// screenshots go. A page must change by itself after a case is saved, swap
// its stylesheet without reloading after a CSS change, show the build's
// diagnostics over the page when the front matter breaks and drop them
// when it is fixed, all under the CSP, without a console error.
// Prints "FAIL: ..." lines, ends with "N passed, N failed".
// Only playwright-core APIs of 1.40 and later.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [base, site, outDir] = process.argv.slice(2);
const host = new URL(base).host;
let passed = 0, failed = 0;
function check(what, problems) {
	if (!problems || problems.length === 0) { passed++; return; }
	failed++;
	console.log(`FAIL: ${what}`);
	for (const p of [...new Set(problems)].slice(0, 10)) console.log(`    ${p}`);
}
const write = (rel, text) => fs.writeFileSync(path.join(site, rel), text);
const sleep = ms => new Promise(r => setTimeout(r, ms));

// Waits for fn in the page (which may reload meanwhile); returns the ms it took.
async function until(page, fn, arg, timeout = 10000) {
	const t0 = Date.now();
	for (;;) {
		try {
			if (await page.evaluate(fn, arg)) return Date.now() - t0;
		} catch (e) { /* navigating: ask again */ }
		if (Date.now() - t0 > timeout) return -1;
		await sleep(25);
	}
}

async function main() {
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
			'--no-default-browser-check', '--disable-breakpad'],
	});
	const problems = [];
	try {
		const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		await ctx.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', e => {
				console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
			});
		});
		ctx.setDefaultTimeout(15000);
		const page = await ctx.newPage();
		page.on('console', m => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
		page.on('pageerror', e => problems.push(`page error: ${e.message}`));
		page.on('request', r => {
			const u = new URL(r.url());
			if (u.protocol.startsWith('http') && u.host !== host) problems.push(`request leaves the host: ${r.url()}`);
		});

		// --- a saved case shows without a reload by hand ----------------------------
		const res = await page.goto(base + 'cases/a.html', { waitUntil: 'load' });
		check('the case page loads', res && res.status() === 200 ? [] : [`status ${res && res.status()}`]);
		// The event stream is open once the script has run and greeted.
		await sleep(500);
		const t0 = Date.now();
		write('content/cases/a.md', '---\ntitle: 浏览器里看到的新标题\ndate: 2025-01-02\ntags: [测试]\n---\n新的正文。\n');
		const took = await until(page, () => document.body && document.body.textContent.includes('浏览器里看到的新标题'));
		const latency = took < 0 ? -1 : Date.now() - t0;
		check('the page shows the saved case within 2 s, without a reload by hand',
			took >= 0 && latency <= 2000 ? [] : [took < 0 ? 'never changed' : `took ${latency} ms`]);
		console.log(`serve.js: save to page changed: ${latency} ms`);

		// --- a stylesheet change swaps the stylesheet, the page stays -----------------
		await page.evaluate(() => { window.__stay = 42; });
		const theme = fs.readFileSync(path.join(__dirname, '../../assets/css/site.css'), 'utf8');
		const before = await page.evaluate(() => getComputedStyle(document.body).borderTopColor);
		write('assets/css/site.css', theme + '\nbody { border-top: 3px solid rgb(1, 2, 3); }\n');
		const cssTook = await until(page, () => getComputedStyle(document.body).borderTopColor === 'rgb(1, 2, 3)');
		check('a CSS change applies to the open page', cssTook >= 0 ? [] : [`border-top-color stays ${before}`]);
		const stayed = await page.evaluate(() => window.__stay).catch(() => undefined);
		check('a CSS change does not reload the page', stayed === 42 ? [] : ['the page was reloaded']);
		console.log(`serve.js: CSS saved to style applied: ${cssTook} ms`);

		// --- broken front matter: the overlay, over the last good page ---------------
		write('content/cases/a.md', '---\ntitle: 坏了的案例\ndate: 2025-02-30\n---\n正文。\n');
		const overlayTook = await until(page, () => {
			const o = document.querySelector('.showcase-errors');
			return o && /content\/cases\/a\.md:3:7: error: .*2025-02-30/.test(o.textContent);
		});
		check('broken front matter shows the diagnostics over the page, at file:line:col',
			overlayTook >= 0 ? [] : ['no overlay with content/cases/a.md:3:7']);
		const visible = await page.evaluate(() => {
			const o = document.querySelector('.showcase-errors');
			if (!o) return false;
			const r = o.getBoundingClientRect(), s = getComputedStyle(o);
			return r.width > 600 && r.height > 400 && s.position === 'fixed' && s.display !== 'none';
		}).catch(() => false);
		check('the overlay covers the page (styled by reload.css, no inline style)', visible ? [] : ['not visible']);
		check('the last good page stays under it', await page.evaluate(() =>
			document.body.textContent.includes('浏览器里看到的新标题')) ? [] : ['the last good page is gone']);
		await page.screenshot({ path: path.join(outDir, 'serve-overlay.png') });

		// A page opened while the build is broken shows the overlay too.
		const other = await ctx.newPage();
		other.on('console', m => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
		await other.goto(base + 'about.html', { waitUntil: 'load' });
		check('a page opened while broken shows the overlay', await until(other, () =>
			!!document.querySelector('.showcase-errors')) >= 0 ? [] : ['no overlay']);

		// --- fixing it removes the overlay by itself ----------------------------------
		write('content/cases/a.md', '---\ntitle: 修好了\ndate: 2025-01-02\n---\n正文。\n');
		const fixTook = await until(page, () => !document.querySelector('.showcase-errors') &&
			document.body.textContent.includes('修好了'));
		check('fixing the file removes the overlay and shows the page', fixTook >= 0 ? [] : ['overlay stays']);
		check('on every open page', await until(other, () => !document.querySelector('.showcase-errors')) >= 0 ?
			[] : ['overlay stays on the other page']);
		await other.close();

		// --- --drafts: a draft is marked --------------------------------------------------
		await page.goto(base + 'cases/draft.html', { waitUntil: 'load' });
		const mark = await page.evaluate(() => {
			const m = document.querySelector('.showcase-draft');
			return m ? m.textContent : '';
		});
		check('a draft is marked as such on its page', mark.includes('草稿') ? [] : ['no draft mark']);
		await page.screenshot({ path: path.join(outDir, 'serve-draft.png') });
		await sleep(300);
		check('no console error, CSP violation or request off the host', problems);
	} finally {
		await browser.close();
	}
}

main().then(() => {
	console.log(`${passed} passed, ${failed} failed`);
}, e => {
	console.log(`FAIL: serve.js: ${e.stack || e}`);
	console.log(`${passed} passed, ${failed + 1} failed`);
});
