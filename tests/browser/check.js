// The browser half of tests/browser/run:
//   node check.js BASE_URL SITE_DIR OUT_DIR
// BASE_URL is the site served by nginx (http://127.0.0.1:PORT/showcase/),
// SITE_DIR the same site on disk (opened from file:// too), OUT_DIR where the
// screenshots go. Prints "FAIL: ..." lines, ends with "N passed, N failed".
// BROWSER_TIMES=1 prints how long each part took.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');
const { chromium } = require('playwright-core');
const { HtmlValidate, StaticConfigLoader } = require('html-validate');

const [base, site, outDir] = process.argv.slice(2);
const origin = new URL(base).origin;
const host = new URL(base).host;
const axeSource = fs.readFileSync(require.resolve('axe-core'), 'utf8');
const hashedName = /^charts\/(.*[.-])?[0-9a-f]{16}\.(png|webp|jpe?g|svg)$/;

let passed = 0, failed = 0;
function check(what, problems) {
	if (!problems || problems.length === 0) { passed++; return; }
	failed++;
	const list = [...new Set(problems)];
	console.log(`FAIL: ${what}`);
	for (const p of list.slice(0, 15)) console.log(`    ${p}`);
	if (list.length > 15) console.log(`    ... and ${list.length - 15} more`);
}
// Checks made in parallel are reported in a fixed order.
const checkAll = results => { for (const r of results) for (const [what, problems] of r) check(what, problems); };

let tmark = Date.now();
function lap(what) {
	if (process.env.BROWSER_TIMES) process.stderr.write(`${what}: ${((Date.now() - tmark) / 1000).toFixed(1)} s\n`);
	tmark = Date.now();
}

// --- which pages to open: one of each kind, found on disk ----------------------------
const exists = p => fs.existsSync(path.join(site, p));
const isDir = p => { try { return fs.statSync(path.join(site, p)).isDirectory(); } catch { return false; } };
const urlPath = p => p.split('/').map(encodeURIComponent).join('/');
const notPages = new Set(['assets', 'charts', 'images']);
const isPageN = e => /^page-\d+\.html$/.test(e);

function pageKinds() {
	const kinds = [{ name: 'home', file: 'index.html', url: '' }];
	const top = fs.readdirSync(site).sort();
	for (const f of top)
		if (f.endsWith('.html') && f !== 'index.html' && f !== '404.html')
			kinds.push({ name: f.replace(/\.html$/, ''), file: f });
	for (const d of top) {
		if (!isDir(d) || notPages.has(d) || d.startsWith('.')) continue;
		const entries = fs.readdirSync(path.join(site, d)).sort();
		if (entries.includes('index.html')) kinds.push({ name: `${d}/ list`, file: `${d}/index.html` });
		const pages = entries.filter(isPageN).sort((a, b) => parseInt(a.slice(5)) - parseInt(b.slice(5)));
		if (pages.length) kinds.push({ name: `${d}/ last page`, file: `${d}/${pages[pages.length - 1]}` });
		// one member page: the richest (tables, contents, pictures) shows the most
		// print documents (-print.html) have no site chrome: tests/pdf checks them
		const members = entries.filter(e => e.endsWith('.html') && e !== 'index.html' && !isPageN(e) && !e.endsWith('-print.html'));
		if (members.length) {
			const score = e => {
				const t = fs.readFileSync(path.join(site, d, e), 'utf8');
				return (t.includes('<table') ? 2 : 0) + (t.includes('class="toc"') ? 1 : 0) + (t.includes('<img') ? 1 : 0);
			};
			const best = members.map(e => [score(e), e]).sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1))[0][1];
			kinds.push({ name: `${d}/ page`, file: `${d}/${best}` });
		}
		// one member kept as a folder (a tag, a region, a belt)
		const sub = entries.find(e => isDir(`${d}/${e}`) && exists(`${d}/${e}/index.html`));
		if (sub) kinds.push({ name: `${d}/ term`, file: `${d}/${sub}/index.html` });
	}
	for (const k of kinds) if (k.url === undefined) k.url = urlPath(k.file);
	// Not found: at the top and one folder down (a case deleted, say).
	kinds.push({ name: '404 at the top', url: 'no-such-page.html', status: 404 });
	const d = (kinds.find(k => k.name === 'cases/ list') || kinds.find(k => / list$/.test(k.name)) || {}).file;
	if (d) kinds.push({ name: '404 in a folder', url: `${urlPath(d.split('/')[0])}/no-such-page.html`, status: 404 });
	return kinds;
}
// every page kind is looked at, at every width (the 404 pages are one kind;
// tests/browser/wall.js shoots the wall screen)
const screenshotted = { has: name => name !== '404 in a folder' && name !== 'screen' };

// --- what a page did ---------------------------------------------------------------
// notFound: the URL of a page that answers 404 on purpose; Chromium's
// "Failed to load resource" for that document is expected.
function watch(page, allowed, notFound) {
	const log = { console: [], errors: [], requests: [], failed: [] };
	page.on('console', m => {
		if (m.type() !== 'error') return;
		if (notFound && m.location().url === notFound && /status of 404/.test(m.text())) return;
		log.console.push(`console: ${m.text()}`);
	});
	page.on('pageerror', e => log.errors.push(`page error: ${e.message}`));
	page.on('request', r => { if (!allowed(r.url())) log.requests.push(`request to ${r.url()}`); });
	page.on('requestfailed', r => log.failed.push(`request failed: ${r.url()} (${r.failure() && r.failure().errorText})`));
	page.on('response', r => {
		if (r.status() >= 400 && r.request().resourceType() !== 'document')
			log.failed.push(`HTTP ${r.status()}: ${r.url()}`);
	});
	return log;
}
const sameHost = u => !/^(https?|wss?|ftp):/.test(u) || new URL(u).origin === origin;
const onDisk = u => /^(file|data|blob|about):/.test(u);

// Runs in every page before its own scripts: records CSP violations.
const cspProbe = () => {
	window.__csp = [];
	document.addEventListener('securitypolicyviolation', e => {
		window.__csp.push(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}` +
			`${e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : ''}${e.sample ? ` (${e.sample})` : ''}`);
	});
};
const cspViolations = page => page.evaluate(() => window.__csp || []).catch(() => []);

// Loads every image, lazy ones too; returns those that did not load.
function brokenImages(page) {
	return page.evaluate(async () => {
		const imgs = [...document.images];
		for (const i of imgs) i.loading = 'eager';
		await Promise.all(imgs.map(i => i.complete ? null : new Promise(r => {
			i.addEventListener('load', r); i.addEventListener('error', r); setTimeout(r, 5000);
		})));
		return imgs.filter(i => !(i.complete && i.naturalWidth > 0))
			.map(i => `image did not load: ${i.getAttribute('src')}`);
	});
}

function pageShape(page) {
	return page.evaluate(() => {
		const p = [];
		if (document.documentElement.lang !== 'zh-CN') p.push(`lang is "${document.documentElement.lang}", want zh-CN`);
		if (!document.title.trim()) p.push('empty <title>');
		const n = s => document.querySelectorAll(s).length;
		if (n('main') !== 1) p.push(`${n('main')} <main> elements`);
		if (n('h1') !== 1) p.push(`${n('h1')} <h1> elements`);
		if (![...document.styleSheets].some(s => { try { return s.cssRules.length > 0; } catch { return false; } }))
			p.push('no stylesheet applied');
		return p;
	});
}

// axe-core, evaluated through the DevTools protocol: the page's CSP stays on
// (a <script> tag of axe would be refused by script-src 'self').
async function axeViolations(page) {
	await page.evaluate(axeSource);
	const v = await page.evaluate(async () => {
		const r = await window.axe.run(document, { resultTypes: ['violations'] });
		return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map(n => n.target.join(' ') +
				(n.failureSummary ? ` -- ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}` : '')),
		}));
	});
	return v.flatMap(x => [`${x.id} (${x.impact}): ${x.help}`, ...x.nodes.slice(0, 5).map(n => `  ${n}`),
		...(x.nodes.length > 5 ? [`  ... and ${x.nodes.length - 5} more`] : [])]);
}

function sidewaysScroll(page) {
	return page.evaluate(() => {
		const vw = document.documentElement.clientWidth;
		if (vw !== 390) return [`the window is ${vw}px wide, not 390px: the check did not run`];
		if (document.documentElement.scrollWidth <= vw) return [];
		const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) if (/auto|scroll|hidden/.test(getComputedStyle(p).overflowX)) return true; return false; };
		return [`page is ${document.documentElement.scrollWidth}px wide in a ${vw}px window`,
			...[...document.querySelectorAll('body *')]
				.filter(e => (e.getBoundingClientRect().right > vw + 1 ||
					(e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.getBoundingClientRect().left + e.scrollWidth > vw + 1)) && !scrolls(e))
				.filter((e, i, all) => !all.some(o => o !== e && e.contains(o))).slice(0, 5)
				.map(e => `too wide: <${e.localName}${e.className ? ` class="${e.className}"` : ''}> right edge at ${Math.round(Math.max(e.getBoundingClientRect().right, e.getBoundingClientRect().left + e.scrollWidth))}px`)];
	});
}

// Charts at a window of vw px (device pixel ratio 1, so naturalWidth is
// the width a chart was drawn for): none leaves the window, none is shown
// below 0.75 of its drawing, the page does not scroll sideways.
function chartFit(page) {
	return page.evaluate(async () => {
		const imgs = [...document.querySelectorAll('figure.chart img')];
		for (const i of imgs) i.loading = 'eager';
		await Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));
		const vw = document.documentElement.clientWidth, out = [];
		if (!imgs.length) out.push('no chart on the page');
		for (const i of imgs) {
			const r = i.getBoundingClientRect(), name = (i.currentSrc || i.src).replace(/.*\//, '');
			if (r.right > vw + 1) out.push(`${name}: right edge at ${Math.round(r.right)}px in a ${vw}px window`);
			if (!i.naturalWidth) out.push(`${name}: not loaded`);
			else if (i.clientWidth < 0.75 * i.naturalWidth)
				out.push(`${name}: drawn ${i.naturalWidth}px wide, shown at ${i.clientWidth}px (${(i.clientWidth / i.naturalWidth).toFixed(2)})`);
		}
		if (document.documentElement.scrollWidth > vw) out.push(`page is ${document.documentElement.scrollWidth}px wide in a ${vw}px window`);
		return out;
	});
}

async function main() {
	const t0 = Date.now();
	const kinds = pageKinds();
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync',
			'--disable-dev-shm-usage', '--no-default-browser-check', '--disable-breakpad'],
	});
	try {
		const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
		await ctx.addInitScript(cspProbe);
		ctx.setDefaultTimeout(15000);

		// --- every page kind over HTTP: loads, images, console, CSP, requests, axe, phone ---------
		checkAll(await pool(kinds, 2, async k => {
			const out = [];
			const what = `${k.name} (${k.url || './'})`;
			const page = await ctx.newPage();
			const log = watch(page, sameHost, k.status ? base + k.url : null);
			let res = null;
			try { res = await page.goto(base + k.url, { waitUntil: 'load' }); } catch (e) { log.errors.push(e.message.split('\n')[0]); }
			if (!res) {
				out.push([`${what}: loads`, ['no response', ...log.errors]]);
				await page.close();
				return out;
			}
			const want = k.status || 200;
			const shape = await pageShape(page);
			if (res.status() !== want) shape.unshift(`HTTP status ${res.status()}, want ${want}`);
			out.push([`${what}: loads with its status, lang, title, one main, one h1, the stylesheet`, shape]);
			out.push([`${what}: every image loaded`, await brokenImages(page)]);
			out.push([`${what}: no console error, page error, failed request or CSP violation`,
				[...log.console, ...log.errors, ...log.failed, ...await cspViolations(page)]]);
			out.push([`${what}: no request leaves ${host}`, [...log.requests]]);
			out.push([`axe: ${what}: no serious or critical violation`, await axeViolations(page)]);
			await page.setViewportSize({ width: 390, height: 844 });
			out.push([`phone (390px): ${what}: nothing scrolls sideways`, await sidewaysScroll(page)]);
			await page.close();
			return out;
		}));
		lap('page kinds');

		// --- charts fit at a phone's, a laptop's and a wall screen's width --------------------------
		{
			const withCharts = kinds.filter(k => k.file && /<figure class="chart">/.test(fs.readFileSync(path.join(site, k.file), 'utf8')));
			for (const width of [390, 1366, 1920]) {
				const cctx = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
				checkAll(await pool(withCharts, 2, async k => {
					const page = await cctx.newPage();
					await page.goto(base + k.url, { waitUntil: 'load' });
					const r = [[`charts at ${width}px: ${k.name} (${k.url || './'}): inside the window, at 0.75 of their drawing or more`, await chartFit(page)]];
					await page.close();
					return r;
				}));
				await cctx.close();
			}
		}
		lap('chart sizes');

		// --- the server sends what docs/hosting.md says ------------------------------------------
		{
			const page = await ctx.newPage();
			const css = [];
			page.on('response', r => { if (r.url().endsWith('.css')) css.push(r); });
			const h = await (await page.goto(base)).allHeaders();
			const problems = [];
			if (!/script-src 'self'/.test(h['content-security-policy'] || '')) problems.push('no Content-Security-Policy header');
			if (!/max-age=300/.test(h['cache-control'] || '')) problems.push(`HTML Cache-Control: ${h['cache-control']}`);
			if (!css.length) problems.push('no stylesheet requested');
			for (const r of css)
				if ((await r.allHeaders())['content-encoding'] !== 'gzip') problems.push(`${r.url()} not gzipped`);
			const hashed = walk(site).find(f => hashedName.test(f));
			if (hashed) {
				const r = await page.request.get(base + urlPath(hashed));
				if (!/immutable/.test(r.headers()['cache-control'] || ''))
					problems.push(`${hashed}: Cache-Control ${r.headers()['cache-control']}, want immutable`);
			}
			const nf = await page.request.get(base + 'no-such-page.html');
			if (!/script-src/.test(nf.headers()['content-security-policy'] || '')) problems.push('the 404 answer has no CSP header');
			check('nginx sends the CSP, gzip and cache headers of docs/hosting.md', problems);
			await page.close();
		}

		// --- navigation: the main menu, breadcrumbs, pagination ---------------------------------
		{
			const page = await ctx.newPage();
			const log = watch(page, sameHost);
			await page.goto(base);
			const nav = await page.$$eval('header nav a[href]', as => as.map(a => ({ text: a.textContent.trim(), href: a.href })));
			check('home has a main navigation in its header', nav.length >= 3 ? [] : [`${nav.length} links in header nav`]);
			// each menu item, clicked from the page the previous one opened
			for (const { text, href } of nav) {
				const problems = [];
				try {
					const [res] = await Promise.all([
						page.waitForNavigation({ waitUntil: 'load' }),
						page.locator('header nav a', { hasText: text }).first().click(),
					]);
					if (!res || res.status() !== 200) problems.push(`HTTP ${res && res.status()}`);
					if (page.url() !== href) problems.push(`went to ${page.url()}, want ${href}`);
					const cur = await page.$$eval('header nav a[aria-current="page"]', as => as.map(a => a.textContent.trim()));
					if (!cur.includes(text)) problems.push(`"${text}" is not marked aria-current="page" on its own page (marked: ${cur.join(', ') || 'none'})`);
				} catch (e) { problems.push(e.message.split('\n')[0]); }
				check(`navigation: menu "${text}" opens ${decodeURI(href.slice(base.length)) || './'}`, problems);
			}
			// breadcrumbs of the deepest page kinds
			for (const k of kinds.filter(k => k.file && k.file.includes('/') && !/\/(index|page-\d+)\.html$/.test(k.file)).slice(0, 3)) {
				await page.goto(base + k.url);
				const crumbs = await page.$$eval('nav.crumbs a[href], nav[aria-label="当前位置"] a[href]', as => as.map(a => a.href));
				const problems = crumbs.length ? [] : ['no breadcrumb links'];
				for (const href of new Set(crumbs)) {
					const r = await page.request.get(href);
					if (r.status() !== 200) problems.push(`${href}: HTTP ${r.status()}`);
				}
				check(`navigation: breadcrumbs of ${k.file}`, problems);
			}
			// page through every paginated list and back
			for (const k of kinds.filter(k => / list$/.test(k.name))) {
				const dir = path.dirname(k.file);
				const n = fs.readdirSync(path.join(site, dir)).filter(isPageN).length + 1;
				if (n < 2) continue;
				const problems = [];
				try {
					await page.goto(base + k.url);
					const first = await cardTitles(page);
					const all = new Set(first);
					let seen = 1;
					while (await page.$('a[rel="next"]')) {
						await Promise.all([page.waitForNavigation(), page.click('a[rel="next"]')]);
						if (++seen > n + 1) { problems.push('rel="next" never ends'); break; }
						for (const t of await cardTitles(page)) {
							if (all.has(t)) problems.push(`"${t}" on two pages`);
							all.add(t);
						}
					}
					if (seen !== n) problems.push(`${seen} pages by rel="next", ${n} on disk`);
					let back = 0;
					while (await page.$('a[rel="prev"]')) {
						await Promise.all([page.waitForNavigation(), page.click('a[rel="prev"]')]);
						if (++back > n) { problems.push('rel="prev" never ends'); break; }
					}
					if (back !== seen - 1) problems.push(`rel="prev" went back ${back} pages, want ${seen - 1}`);
					if ((await cardTitles(page)).join() !== first.join()) problems.push('rel="prev" does not lead back to the first page');
				} catch (e) { problems.push(e.message.split('\n')[0]); }
				check(`navigation: page through ${dir}/ (${n} pages) by rel="next" and back by rel="prev"`, problems);
			}
			check('navigation: no console error, failed request or request off the host',
				[...log.console, ...log.errors, ...log.failed, ...log.requests]);
			await page.close();
		}

		// --- what a reader of a portal expects: the menu, a compact phone header, counts ----------
		{
			const page = await ctx.newPage();
			const log = watch(page, sameHost);
			await page.goto(base);
			const menu = await page.$$eval('header nav a[href]', as => as.map(a => ({ text: a.textContent.trim(), href: a.getAttribute('href') })));
			const problems = [];
			for (const want of ['sites.html', 'gold.html', 'regions/index.html', 'belts/index.html'])
				if (!menu.some(m => m.href === want)) problems.push(`the menu has no link to ${want}`);
			const byLabel = new Map();
			for (const m of menu) {
				if (byLabel.has(m.text) && byLabel.get(m.text) !== m.href) problems.push(`"${m.text}" names ${byLabel.get(m.text)} and ${m.href}`);
				byLabel.set(m.text, m.href);
			}
			check('readers: the menu reaches 示范点, 金色党组织, 区域 and 示范带, each label one page', problems);

			// the phone header leaves the first screen to the page
			await page.setViewportSize({ width: 390, height: 844 });
			const hh = await page.$eval('header.masthead', h => h.getBoundingClientRect().height);
			check(`readers: the phone header is at most 20 % of a 390x844 screen (${Math.round(hh)} px)`,
				hh <= 0.2 * 844 ? [] : [`${Math.round(hh)} px, ${(hh / 8.44).toFixed(0)} % of the screen`]);
			await page.setViewportSize({ width: 1366, height: 900 });

			// text size 大/中/小: applies, survives a reload, goes back
			const tp = [];
			const size = () => page.$eval('main p, main li', e => parseFloat(getComputedStyle(e).fontSize));
			if (!await page.isVisible('.reader-tools')) tp.push('the reading aids are not shown');
			else {
				const m = await size();
				await page.click('[data-text-size="l"]');
				const l = await size();
				if (!(l > m)) tp.push(`大: ${l}px, not larger than ${m}px`);
				await page.reload();
				if (await size() !== l) tp.push(`after a reload ${await size()}px, want ${l}px`);
				if (await page.getAttribute('[data-text-size="l"]', 'aria-pressed') !== 'true') tp.push('大 is not marked pressed after a reload');
				await page.click('[data-text-size="s"]');
				if (!(await size() < m)) tp.push(`小: ${await size()}px, not smaller than ${m}px`);
				await page.click('[data-text-size="m"]');
				if (await size() !== m) tp.push(`中: ${await size()}px, want ${m}px`);
			}
			check('readers: text size 大/中/小 changes the text and is kept across pages', tp);

			// the footer sits at the bottom of a short page
			await page.goto(base + 'search.html');
			const gap = await page.evaluate(() => innerHeight - document.querySelector('footer').getBoundingClientRect().bottom);
			check('readers: the footer sits at the bottom of a short page (search.html)', gap <= 1 ? [] : [`${Math.round(gap)} px of window below the footer`]);

			// 共N篇 agrees with the content: every case that is not a draft, and one tag's
			const content = path.join(path.dirname(site), 'site', 'content', 'cases');
			const cp = [];
			if (!fs.existsSync(content)) cp.push(`no content at ${content}`);
			else {
				const fronts = fs.readdirSync(content).filter(f => f.endsWith('.md'))
					.map(f => (fs.readFileSync(path.join(content, f), 'utf8').match(/^---\n([\s\S]*?)\n---/) || ['', ''])[1])
					.filter(fm => !/^draft:\s*true\s*$/m.test(fm));
				const count = async url => { await page.goto(base + url); return parseInt(await page.textContent('.list-count-n'), 10); };
				const all = await count('cases/index.html');
				if (all !== fronts.length) cp.push(`cases/index.html says 共${all}篇, the content has ${fronts.length} cases`);
				const tag = '主题党日';
				const tagged = fronts.filter(fm => { const t = fm.match(/^tags:\s*\[(.*)\]\s*$/m); return t && t[1].split(',').map(x => x.trim().replace(/^["']|["']$/g, '')).includes(tag); }).length;
				const shown = await count(`tags/${encodeURIComponent(tag)}/index.html`);
				if (shown !== tagged) cp.push(`tags/${tag}/ says 共${shown}篇, the content tags ${tagged} cases ${tag}`);
			}
			check('readers: 共N篇 on the case lists agrees with the content', cp);
			check('readers: no console error, failed request or request off the host',
				[...log.console, ...log.errors, ...log.failed, ...log.requests]);
			await page.close();
		}
		lap('headers and navigation');

		// --- search in Chinese, offline: over the server and from file:// ---------------------
		{
			const queries = [
				{ q: '示范带', min: 2 },           // a word of two characters and more
				{ q: '红色商圈', min: 1 },
				{ q: '双强红领', min: 1 },
				{ q: '2025', min: 1, nomark: true }, // numbers are words (not always in the snippet)
				{ q: '没有这个词语组合', min: 0 },  // no hit
				// the whole site is searched, and each result says what it is
				{ q: '凤鸣先锋', min: 1, kind: '党建品牌' },     // a brand's name
				{ q: '滨江路—城关示范带', min: 1, kind: '示范带' }, // a belt
				{ q: '认证工作圆满完成', min: 1, kind: '简报' },   // a bulletin's title
				{ q: '青川捷腾物流', min: 1, kind: '金色党组织' }, // an organisation on the gold page
				{ q: '五星支部', min: 1, kind: '标签' },         // a tag
			];
			for (const where of ['server', 'file']) {
				const page = await ctx.newPage();
				const log = watch(page, where === 'server' ? sameHost : onDisk);
				for (const { q, min, nomark, kind } of queries) {
					const problems = [];
					const url = where === 'server' ? `${base}search.html?q=${encodeURIComponent(q)}`
						: `${pathToFileURL(path.join(site, 'search.html')).href}?q=${encodeURIComponent(q)}`;
					try {
						await page.goto(url, { waitUntil: 'load' });
						await page.waitForFunction(() => (document.getElementById('search-status') || {}).textContent, null, { timeout: 5000 });
						const status = await page.textContent('#search-status');
						const hits = await page.$$eval('#search-results > li', els => els.length);
						const marks = await page.$$eval('#search-results mark', els => els.map(e => e.textContent));
						if (min === 0) {
							if (hits) problems.push(`${hits} results for a query with no hit`);
							if (!/没有/.test(status)) problems.push(`status says "${status}"`);
						} else {
							if (hits < min) problems.push(`${hits} results, want at least ${min}`);
							if (!/找到/.test(status)) problems.push(`status says "${status}"`);
							if (!nomark && !marks.some(m => m.includes(q) || q.includes(m))) problems.push(`no highlighted "${q}" in ${JSON.stringify(marks.slice(0, 5))}`);
							const first = await page.$eval('#search-results a', a => a.href).catch(() => '');
							if (!first) problems.push('the first result has no link');
							if (kind) {
								const kinds = await page.$$eval('#search-results .search-kind', els => els.map(e => e.textContent));
								if (!kinds.includes(kind)) problems.push(`no result of kind ${kind} among ${JSON.stringify(kinds)}`);
							}
						}
					} catch (e) { problems.push(e.message.split('\n')[0]); }
					check(`search (${where}): "${q}"`, problems);
				}
				if (where === 'server') {
					// the box in the masthead leads to the search page with its query
					const problems = [];
					try {
						await page.goto(base + 'index.html', { waitUntil: 'load' });
						await page.fill('#site-q', '楼宇党建');
						await Promise.all([page.waitForNavigation(), page.press('#site-q', 'Enter')]);
						await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 0, null, { timeout: 5000 });
					} catch (e) { problems.push(e.message.split('\n')[0]); }
					check('search: the masthead box finds "楼宇党建"', problems);
				}
				check(`search (${where}): no console error, failed request or request off the host`,
					[...log.console, ...log.errors, ...log.failed, ...log.requests]);
				await page.close();
			}
		}
		lap('search');

		// --- from file://, as from a USB stick ------------------------------------------------
		{
			const pick = name => (kinds.find(k => k.name === `cases/ ${name}`) || kinds.find(k => k.name.endsWith(`/ ${name}`)) || {}).file;
			const files = ['index.html', pick('page'), pick('list')].filter(Boolean);
			checkAll(await pool(files, 2, async f => {
				const out = [];
				const page = await ctx.newPage();
				const log = watch(page, onDisk);
				await page.goto(pathToFileURL(path.join(site, f)).href, { waitUntil: 'load' });
				out.push([`file://: ${f}: every image loaded`, await brokenImages(page)]);
				out.push([`file://: ${f}: no console error, page error or failed request`,
					[...log.console, ...log.errors, ...log.failed, ...await cspViolations(page)]]);
				out.push([`file://: ${f}: nothing requested but files`, [...log.requests]]);
				const refs = await page.$$eval('a[href], link[href], img[src], script[src], source[srcset], img[srcset]', els => {
					const r = [];
					for (const e of els) {
						if (typeof e.href === 'string' && e.href) r.push(e.href);
						if (e.src) r.push(e.src);
						const ss = e.getAttribute('srcset');
						if (ss) for (const part of ss.split(',')) r.push(new URL(part.trim().split(/\s+/)[0], document.baseURI).href);
					}
					return r;
				});
				const problems = [];
				for (const r of new Set(refs)) {
					if (!r.startsWith('file:')) continue;
					const u = new URL(r); u.hash = ''; u.search = '';
					const p = fileURLToPath(u);
					let st = null;
					try { st = fs.statSync(p); } catch { /* missing */ }
					const rel = path.relative(site, p) || '.';
					if (!p.startsWith(site + path.sep) && p !== site) problems.push(`points outside the site: ${p}`);
					else if (!st) problems.push(`no such file: ${rel}`);
					else if (st.isDirectory()) problems.push(`links to a folder, which file:// shows as a listing: ${rel}/`);
				}
				out.push([`file://: ${f}: every link and source is a file of the site`, problems]);
				// the main menu works from file:// too
				const menu = await page.$$eval('header nav a[href]', as => as.map(a => a.href));
				const broken = [];
				log.console.length = log.errors.length = log.failed.length = log.requests.length = 0;
				for (const href of menu) {
					try {
						await page.goto(href, { waitUntil: 'load' });
						if ((await page.$$('main')).length !== 1) broken.push(`${href}: no <main>`);
					} catch (e) { broken.push(`${href}: ${e.message.split('\n')[0]}`); }
				}
				out.push([`file://: ${f}: every menu item opens a page, without errors or requests but for files`,
					menu.length ? [...broken, ...log.console, ...log.errors, ...log.failed, ...log.requests] : ['no menu']]);
				await page.close();
				return out;
			}));
		}
		await ctx.close();
		lap('file://');

		// --- screenshots for people, one at a time (parallel full-page shots come out garbled) ---
		for (const [label, width, height] of [['phone', 390, 844], ['desktop', 1366, 900], ['wide', 1920, 1080]]) {
			const sctx = await browser.newContext({ viewport: { width, height } });
			const page = await sctx.newPage();
			for (const k of kinds.filter(k => screenshotted.has(k.name))) {
				await page.goto(base + k.url, { waitUntil: 'load' });
				await brokenImages(page);
				const name = `${k.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-${label}.png`;
				await page.screenshot({ path: path.join(outDir, 'shots', name), fullPage: true });
			}
			await sctx.close();
		}
		lap('screenshots');
	} finally {
		await browser.close();
	}

	// --- html-validate: every page ---------------------------------------------------------
	{
		const hv = new HtmlValidate(new StaticConfigLoader(JSON.parse(fs.readFileSync(path.join(__dirname, '.htmlvalidate.json'), 'utf8'))));
		for (const f of walk(site).filter(f => f.endsWith('.html'))) {
			const report = await hv.validateFile(path.join(site, f));
			const msgs = report.results.flatMap(r => r.messages).filter(m => m.severity === 2);
			check(`html-validate: ${f}`, msgs.map(m => `${m.line}:${m.column}: ${m.message} [${m.ruleId}]`));
		}
	}
	lap('html-validate');
	if (process.env.BROWSER_TIMES) process.stderr.write(`browser checks: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

// Runs fn over items, n at a time; the results in the order of the items.
async function pool(items, n, fn) {
	const results = new Array(items.length);
	let next = 0;
	const worker = async () => { while (next < items.length) { const i = next++; results[i] = await fn(items[i]); } };
	await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
	return results;
}

function cardTitles(page) {
	return page.$$eval('main article h2, main article h3', hs => hs.map(h => h.textContent.trim()));
}

function walk(dir, rel = '') {
	const out = [];
	for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
		const r = rel ? `${rel}/${e.name}` : e.name;
		if (e.isDirectory()) out.push(...walk(dir, r)); else out.push(r);
	}
	return out.sort();
}

main()
	.catch(e => check('browser checks ran to the end', [String((e && e.stack) || e).split('\n').slice(0, 4).join(' | ')]))
	.finally(() => console.log(`${passed} passed, ${failed} failed`));
