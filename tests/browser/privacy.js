// The privacy proof against a real browser:
//   node privacy.js SITE_DIR CASES_JSON
// SITE_DIR is tests/bad-input/private-disguised built without its data (so
// nothing stops it), CASES_JSON maps each case page to the private value it
// types in disguise. For each page Chromium shows, from file://, the text a
// reader gets (visible text, alt and title texts) must hold the value once
// folded as a reader reads it. tests/bad-input/private-disguised proves that
// `showcase check`, given the data, refuses every one of these pages: so
// what the browser shows is what the build finds.
// Prints "FAIL: ..." lines, ends with "N passed, N failed".
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

const [site, casesFile] = process.argv.slice(2);
const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
let passed = 0, failed = 0;
const check = (what, ok, detail) => {
	if (ok) { passed++; return; }
	failed++;
	console.log(`FAIL: ${what}${detail ? `\n    ${detail}` : ''}`);
};
// What a reader takes for the same text: compatibility forms folded, case
// ignored, invisible characters and separators dropped.
const skeleton = s => s.normalize('NFKC').toLowerCase()
	.replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g, '')
	.replace(/[^\p{L}\p{M}\p{N}]/gu, '');

(async () => {
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
	try {
		const page = await browser.newPage();
		for (const [file, value] of Object.entries(cases)) {
			await page.goto(pathToFileURL(path.join(site, file)).href);
			// Open the data tables, as a reader who wants the numbers does.
			await page.$$eval('details', ds => ds.forEach(d => { d.open = true; }));
			const text = await page.evaluate(() => [document.body.innerText,
				...[...document.querySelectorAll('[alt],[title],[aria-label]')]
					.map(e => [e.alt, e.title, e.getAttribute('aria-label')].join('\n'))].join('\n'));
			const seen = skeleton(text).includes(skeleton(value));
			check(`privacy: ${file}: a reader of the page sees the value typed in disguise`, seen,
				`page text: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
		}
	} finally {
		await browser.close();
	}
	console.log(`${passed} passed, ${failed} failed`);
})().catch(e => { console.log(`FAIL: privacy.js: ${e.stack || e}`); console.log(`${passed} passed, ${failed + 1} failed`); process.exit(1); });
