/* showcase serve: live reload and build errors (not part of the site) */
(function () {
	'use strict';
	var me = new URL(document.currentScript.src);
	var root = new URL('.', me).href;
	var server = me.searchParams.get('s'), good = me.searchParams.get('g');
	var box = null;

	function hide() {
		if (box) { box.remove(); box = null; }
	}
	function show(lines) {
		hide();
		box = document.createElement('section');
		box.className = 'showcase-errors';
		box.setAttribute('role', 'alert');
		box.setAttribute('aria-label', '生成失败');
		var h = document.createElement('h2');
		h.textContent = '生成失败：改正下面的问题并保存，本页会自动更新';
		var p = document.createElement('p');
		p.textContent = '下面显示的是上一次成功生成的网站。Build failed: fix the problems below and save.';
		var pre = document.createElement('pre');
		pre.textContent = lines.join('\n');
		box.append(h, p, pre);
		document.body.appendChild(box);
	}
	function status() {
		fetch(root + 'status.json', { cache: 'no-store' })
			.then(function (r) { return r.json(); })
			.then(function (s) { if (s.ok) hide(); else show(s.diagnostics); })
			.catch(function () {});
	}
	function swapStyles(n) {
		document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (old) {
			var u = new URL(old.href);
			u.searchParams.set('showcase', n);
			var l = old.cloneNode();
			l.href = u.href;
			l.addEventListener('load', function () { old.remove(); });
			l.addEventListener('error', function () { l.remove(); });
			old.after(l);
		});
	}
	var es = new EventSource(root + 'events');
	es.addEventListener('hello', function (e) {
		var m = JSON.parse(e.data);
		/* A build finished since this page was sent, or a new server. */
		if (m.server !== server || String(m.good) !== good) { location.reload(); return; }
		if (m.ok) hide(); else status();
	});
	es.addEventListener('reload', function (e) {
		var m = JSON.parse(e.data);
		if (!m.css) { location.reload(); return; }
		good = String(m.good);
		hide();
		swapStyles(m.good);
		document.documentElement.dataset.showcaseStyles = m.good;
	});
	es.addEventListener('failed', status);
	window.addEventListener('pagehide', function () { es.close(); });
})();
