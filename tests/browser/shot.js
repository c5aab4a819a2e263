// Screenshots of pages, for looking at them:
//   node shot.js URL OUT.png [width] [height]   (height: clip from the top; else full page)
const { chromium } = require('playwright-core');
(async () => {
	const [url, out, width, height] = process.argv.slice(2);
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const page = await browser.newPage({ viewport: { width: +(width || 1280), height: +(height || 900) } });
	const errors = [];
	page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
	await page.goto(url);
	await page.screenshot({ path: out, fullPage: !height });
	if (errors.length) console.log(errors.join('\n'));
	await browser.close();
})();
