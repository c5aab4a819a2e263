// The lobby wall screen (screen.html, docs/screen.md) in Chromium:
//   node wall.js BASE_URL SITE_DIR OUT_DIR SRC_DIR SHOWCASE
// BASE_URL serves SITE_DIR under a sub-path (nginx); SRC_DIR is the site
// SITE_DIR was built from, copied again to rebuild; SHOWCASE the program.
// At 1920x1080, 3840x2160 and 1080x1920, every panel: no scrolling, nothing
// outside the screen, the smallest text (18 px at 1080p, 36 px at 4K), each
// chart shown at 0.75 to 1.5 of the size it was drawn for, no console
// error, CSP violation or request that leaves the host; screenshots of each
// panel go to OUT_DIR/shots. Then: the panels change by themselves, keys
// and pause, reduced motion, a site without data, and a rebuild picked up
// from file://. Prints "FAIL: ..." lines, ends with "N passed, N failed".
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

const [base, site, outDir, srcDir, showcase] = process.argv.slice(2);
const host = new URL(base).host;
let passed = 0, failed = 0;
function check(what, problems) {
	if (!problems || problems.length === 0) { passed++; return; }
	failed++;
	console.log(`FAIL: ${what}`);
	for (const p of [...new Set(problems)].slice(0, 12)) console.log(`    ${p}`);
}
const sleep = ms => new Promise(r => setTimeout(r, ms));

// Console errors, page errors, CSP violations and requests outside the site.
function watch(page, allowed) {
	const log = [];
	page.on('console', m => { if (m.type() === 'error') log.push(`console: ${m.text()}`); });
	page.on('pageerror', e => log.push(`page error: ${e.message}`));
	page.on('request', r => { if (!allowed(r.url())) log.push(`request to ${r.url()}`); });
	page.on('requestfailed', r => log.push(`request failed: ${r.url()}`));
	return log;
}
const cspProbe = () => {
	window.__csp = [];
	document.addEventListener('securitypolicyviolation', e =>
		window.__csp.push(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
};

// What the current panel shows, measured in the page.
function measure() {
	const vw = innerWidth, vh = innerHeight, out = { problems: [], texts: [], charts: [] };
	const root = document.documentElement;
	if (root.scrollWidth > vw || root.scrollHeight > vh || document.body.scrollWidth > vw ||
	    document.body.scrollHeight > vh)
		out.problems.push(`scrolls: ${root.scrollWidth}x${root.scrollHeight} in ${vw}x${vh}`);
	const shown = el => {
		for (let e = el; e && e !== document; e = e.parentElement) {
			const s = getComputedStyle(e);
			if (s.display === 'none' || s.visibility === 'hidden' || +s.opacity === 0) return false;
		}
		const r = el.getBoundingClientRect();
		return r.width > 0 && r.height > 0;
	};
	// a moving list is clipped on purpose; whatever else is visible must fit
	const inRoll = el => !!el.closest('.rolling');
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const el = n.parentElement;
		if (!n.textContent.trim() || !shown(el)) continue;
		const px = parseFloat(getComputedStyle(el).fontSize);
		out.texts.push({ px, text: n.textContent.trim().slice(0, 20) });
		if (inRoll(el)) continue;
		const range = document.createRange();
		range.selectNodeContents(n);
		const r = range.getBoundingClientRect();
		if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5)
			out.problems.push(`text outside the screen: "${n.textContent.trim().slice(0, 20)}" at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`);
		// text cut by its box (an ellipsis, or clipped lines)
		for (let e = el; e && e !== document.body; e = e.parentElement) {
			const s = getComputedStyle(e);
			if (s.overflow === 'visible' && s.overflowX === 'visible' && s.overflowY === 'visible') continue;
			if (e.classList.contains('roll')) break;
			if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
				out.problems.push(`text cut: "${e.textContent.trim().slice(0, 30)}" (${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})`);
			break;
		}
	}
	for (const img of document.querySelectorAll('img.chart')) {
		if (!shown(img)) continue;
		const r = img.getBoundingClientRect();
		if (!img.complete || !img.naturalWidth)
			out.problems.push(`chart not loaded: ${img.currentSrc || img.src}`);
		if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5)
			out.problems.push(`chart outside the screen: ${img.alt.slice(0, 30)}`);
		out.charts.push({ src: img.currentSrc.replace(/.*\//, ''), shown: r.width * devicePixelRatio,
			drawn: img.naturalWidth, ratio: r.width * devicePixelRatio / img.naturalWidth });
	}
	return out;
}

const sizes = [[1920, 1080, 18], [3840, 2160, 36], [1080, 1920, 18]];
const summary = [];

async function panels(browser) {
	for (const [w, h, minPx] of sizes) {
		const ctx = await browser.newContext({ viewport: { width: w, height: h }, reducedMotion: 'reduce' });
		await ctx.addInitScript(cspProbe);
		const page = await ctx.newPage();
		const log = watch(page, u => new URL(u).host === host);
		// a long interval: the test turns the panels itself
		await page.goto(`${base}screen.html?interval=3600`, { waitUntil: 'load' });
		await page.waitForFunction(() => document.querySelector('.panel.on'));
		const n = await page.locator('.panel').count();
		if (n < 6) check(`wall ${w}x${h}: the example site shows every panel`, [`${n} panels`]);
		let minText = Infinity, minWhere = '';
		const ratios = [];
		for (let i = 0; i < n; i++) {
			await page.waitForFunction(() => [...document.querySelectorAll('img.chart')]
				.every(i => i.complete));
			await sleep(150);
			const m = await page.evaluate(measure);
			const key = await page.evaluate(() => document.querySelector('.panel.on').dataset.panel);
			const what = `wall ${w}x${h} panel ${i + 1} (${key})`;
			const small = m.texts.filter(t => t.px < minPx - 0.01);
			check(`${what}: fills the screen, nothing outside or cut`, m.problems);
			check(`${what}: no text under ${minPx} px`, small.map(t => `${t.px} px: "${t.text}"`));
			check(`${what}: charts shown at 0.75-1.5 of the size drawn for`,
				m.charts.filter(c => c.ratio < 0.75 || c.ratio > 1.5)
					.map(c => `${c.src}: ${c.shown.toFixed(0)} px shown of ${c.drawn} px drawn (${c.ratio.toFixed(2)})`));
			for (const t of m.texts) if (t.px < minText) { minText = t.px; minWhere = t.text; }
			for (const c of m.charts) ratios.push(c.ratio);
			await page.screenshot({ path: path.join(outDir, 'shots', `screen-${w}x${h}-${i + 1}-${key}.png`) });
			await page.keyboard.press('ArrowRight');
		}
		const after = await page.evaluate(() => [...document.querySelectorAll('.panel')]
			.findIndex(p => p.classList.contains('on')));
		check(`wall ${w}x${h}: → goes round the ${n} panels`, after === 0 ? [] : [`on panel ${after + 1}`]);
		const csp = await page.evaluate(() => window.__csp || []);
		check(`wall ${w}x${h}: no console error, CSP violation or request outside the site`, log.concat(csp));
		summary.push(`${w}x${h}: smallest text ${minText} px ("${minWhere}"), chart scale ` +
			`${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}`);
		await ctx.close();
	}
}

const onIndex = page => page.evaluate(() => [...document.querySelectorAll('.panel')]
	.findIndex(p => p.classList.contains('on')));

async function rotation(browser) {
	const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	const page = await ctx.newPage();
	const log = watch(page, u => new URL(u).host === host);
	await page.goto(`${base}screen.html?interval=1`);
	await page.waitForFunction(() => document.querySelector('.panel.on'));
	const first = await onIndex(page);
	await sleep(2600);
	const later = await onIndex(page);
	check('wall: the panels change by themselves (interval=1)', later !== first ? [] : [`still on panel ${first + 1}`]);
	await page.keyboard.press(' ');
	const paused = await onIndex(page);
	const state = await page.textContent('#state');
	await sleep(2600);
	const still = await onIndex(page);
	check('wall: space pauses', still === paused && state.includes('暂停') ? [] :
		[`panel ${paused + 1} -> ${still + 1}, footer "${state}"`]);
	await page.keyboard.press('ArrowLeft');
	const back = await onIndex(page);
	const n = await page.locator('.panel').count();
	check('wall: ← goes back', back === (paused + n - 1) % n ? [] : [`${paused + 1} -> ${back + 1}`]);
	const moving = await page.evaluate(() => getComputedStyle(document.querySelector('.rolling .items') ||
		document.body).animationName);
	check('wall: the list of cases moves', moving === 'roll' ? [] : [`animation ${moving}`]);
	const clock = await page.textContent('#clock');
	check('wall: the clock shows the time', /^\d\d:\d\d:\d\d$/.test(clock) ? [] : [`"${clock}"`]);
	check('wall: no console error while rotating', log);
	await ctx.close();

	const still2 = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
	const p2 = await still2.newPage();
	await p2.goto(`${base}screen.html?interval=1`);
	await p2.waitForFunction(() => document.querySelector('.panel.on'));
	const r = await p2.evaluate(() => ({
		anim: [...document.querySelectorAll('.items')].map(e => getComputedStyle(e).animationName),
		fade: getComputedStyle(document.querySelector('.panel')).transitionDuration,
	}));
	check('wall: prefers-reduced-motion stops the lists and the fades',
		r.anim.every(a => a === 'none') && r.fade.split(',').every(d => parseFloat(d) === 0) ? [] :
			[`animations ${r.anim.join(' ')}, transition ${r.fade}`]);
	await still2.close();
}

function copyTree(from, to) {
	fs.cpSync(from, to, { recursive: true });
}

async function rebuild(browser) {
	// A site of its own, opened from file://, rebuilt while the screen shows it.
	const src = path.join(outDir, 'wall-site'), pub = path.join(outDir, 'wall-public');
	fs.rmSync(src, { recursive: true, force: true });
	fs.rmSync(pub, { recursive: true, force: true });
	copyTree(srcDir, src);
	execFileSync(showcase, ['build', '-q', '-s', src, '-o', pub]);
	const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	const page = await ctx.newPage();
	const log = watch(page, u => u.startsWith('file:'));
	await page.goto(`${pathToFileURL(path.join(pub, 'screen.html'))}?poll=0.3&interval=3600`);
	const v0 = await page.getAttribute('html', 'data-version');
	await sleep(1500);
	check('wall: an unchanged build does not reload the screen',
		await page.getAttribute('html', 'data-version') === v0 ? [] : ['reloaded']);
	const json = JSON.parse(fs.readFileSync(path.join(src, 'site.json'), 'utf8'));
	json.title = `${json.title || '站点'}（新）`;
	fs.writeFileSync(path.join(src, 'site.json'), JSON.stringify(json, null, 2));
	execFileSync(showcase, ['build', '-q', '-s', src, '-o', pub]);
	let v1 = v0;
	for (let t = 0; t < 100 && v1 === v0; t++) {
		await sleep(100);
		v1 = await page.getAttribute('html', 'data-version').catch(() => v0);
	}
	const title = await page.textContent('h1.site').catch(() => '');
	check('wall: a rebuild is picked up from file:// (the page reloads with the new build)',
		v1 !== v0 && title.includes('（新）') ? [] : [`version ${v0} -> ${v1}, title "${title}"`]);
	check('wall: no console error from file:// while polling', log);
	await ctx.close();
}

async function noData(browser) {
	// Only case studies: the screen shows the news, and never 暂无数据.
	const src = path.join(outDir, 'wall-empty'), pub = path.join(outDir, 'wall-empty-public');
	fs.rmSync(src, { recursive: true, force: true });
	fs.rmSync(pub, { recursive: true, force: true });
	fs.mkdirSync(path.join(src, 'content', 'cases'), { recursive: true });
	fs.writeFileSync(path.join(src, 'site.json'), '{ "title": "测试站点" }\n');
	fs.writeFileSync(path.join(src, 'content', 'cases', 'a.md'),
		'---\ntitle: 一个案例\ndate: 2025-05-01\n---\n正文。\n');
	execFileSync(showcase, ['build', '-q', '-s', src, '-o', pub]);
	const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	const page = await ctx.newPage();
	const log = watch(page, u => u.startsWith('file:'));
	await page.goto(pathToFileURL(path.join(pub, 'screen.html')).href);
	const keys = await page.evaluate(() => [...document.querySelectorAll('.panel')].map(p => p.dataset.panel));
	const text = await page.evaluate(() => document.body.innerText);
	check('wall: a site without data shows the panels it can, and no 暂无数据',
		keys.join() === 'news' && !text.includes('暂无数据') && text.includes('一个案例') ? [] :
			[`panels ${keys.join()}`]);
	check('wall: no console error without data', log);
	await ctx.close();
}

(async () => {
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		await panels(browser);
		await rotation(browser);
		await rebuild(browser);
		await noData(browser);
	} catch (e) {
		check('wall: the test ran to its end', [e.stack || String(e)]);
	}
	await browser.close();
	for (const s of summary) console.log(`wall: ${s}`);
	console.log(`${passed} passed, ${failed} failed`);
})();
