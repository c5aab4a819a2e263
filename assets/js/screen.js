/*
 * The lobby wall screen (screen.html): panels that rotate by themselves,
 * the date and a clock, the moving lists, a slow shift against burn-in,
 * and a reload when the site is rebuilt. No framework, no request outside
 * the site; works from file:// as behind a web server.
 *
 * Keys: left and right arrows change panel, space pauses.
 * URL parameters (for trying and testing): ?interval=SECONDS&poll=SECONDS.
 */
(function () {
	"use strict";

	var root = document.documentElement;
	var params = new URLSearchParams(location.search);
	var panels = Array.prototype.slice.call(document.querySelectorAll(".panel"));
	var tabs = Array.prototype.slice.call(document.querySelectorAll(".tabs li"));
	var state = document.getElementById("state");
	var current = 0, paused = false, timer = 0;

	function seconds(name, fallback, min) {
		var v = parseFloat(params.get(name));

		return isFinite(v) && v >= min ? v : fallback;
	}

	var interval = seconds("interval", parseFloat(root.getAttribute("data-interval")) || 15, 0.2);
	var poll = seconds("poll", 20, 0.2);

	root.classList.add("js");

	/* ---- the panels ---- */

	function show(i) {
		var n = panels.length;

		if (!n)
			return;
		current = ((i % n) + n) % n;
		panels.forEach(function (p, k) {
			p.classList.toggle("on", k === current);
			p.setAttribute("aria-hidden", k === current ? "false" : "true");
		});
		tabs.forEach(function (t, k) {
			t.classList.toggle("on", k === current);
		});
		state.textContent = (n > 1 ? (current + 1) + " / " + n + "　" : "") +
			(paused ? "已暂停（空格键继续）" : "");
		schedule();
	}

	function schedule() {
		clearTimeout(timer);
		if (!paused && panels.length > 1)
			timer = setTimeout(function () { show(current + 1); }, interval * 1000);
	}

	document.addEventListener("keydown", function (e) {
		if (e.key === "ArrowRight" || e.key === "PageDown") {
			show(current + 1);
		} else if (e.key === "ArrowLeft" || e.key === "PageUp") {
			show(current - 1);
		} else if (e.key === " " || e.key === "Spacebar") {
			paused = !paused;
			show(current);
		} else {
			return;
		}
		e.preventDefault();
	});

	/* ---- the moving lists: only those longer than their box move ---- */

	function rolls() {
		Array.prototype.forEach.call(document.querySelectorAll(".roll"), function (r) {
			var list = r.querySelector(".items");
			var n = list ? list.children.length : 0;

			if (list && list.scrollHeight > r.clientHeight + 1) {
				r.classList.add("rolling");
				r.style.setProperty("--roll", (n * 4) + "s");
			} else {
				r.classList.remove("rolling");
			}
		});
	}

	/* ---- date and clock ---- */

	var week = "日一二三四五六";
	var dateEl = document.getElementById("date");
	var clockEl = document.getElementById("clock");

	function two(n) {
		return (n < 10 ? "0" : "") + n;
	}

	function tick() {
		var d = new Date();

		dateEl.textContent = d.getFullYear() + "年" + (d.getMonth() + 1) + "月" +
			d.getDate() + "日　星期" + week.charAt(d.getDay());
		dateEl.setAttribute("datetime", d.getFullYear() + "-" + two(d.getMonth() + 1) +
			"-" + two(d.getDate()));
		clockEl.textContent = two(d.getHours()) + ":" + two(d.getMinutes()) + ":" +
			two(d.getSeconds());
		setTimeout(tick, 1000 - d.getMilliseconds() + 5);
	}

	/* ---- burn-in care: the whole frame wanders a few pixels over hours ---- */

	var minutes = 0;

	function wander() {
		var dx = Math.round(8 * Math.sin(minutes / 37));
		var dy = Math.round(6 * Math.sin(minutes / 53));
		var f = document.getElementById("frame");

		f.style.setProperty("--dx", "calc(" + dx + " * var(--u))");
		f.style.setProperty("--dy", "calc(" + dy + " * var(--u))");
		minutes++;
	}

	/*
	 * ---- a new build: the version script, loaded again on a timer ----
	 * A <script> element works from file://, where fetch does not. The
	 * build swaps the whole folder at once; a version seen twice in a row
	 * is reloaded, so a swap entry by entry (a mount point) is over too.
	 */

	var mine = root.getAttribute("data-version");
	var src = root.getAttribute("data-version-src");
	var seen = null;

	function check() {
		var s = document.createElement("script");

		s.src = src + "?t=" + Date.now();
		s.onload = function () {
			var v = window.SHOWCASE_SCREEN_VERSION;

			s.remove();
			if (v && mine && v !== mine) {
				if (v === seen) {
					location.reload();
					return;
				}
				seen = v;
			} else {
				seen = null;
			}
			setTimeout(check, poll * 1000);
		};
		s.onerror = function () {
			s.remove();
			setTimeout(check, poll * 1000);
		};
		document.head.appendChild(s);
	}

	show(0);
	rolls();
	window.addEventListener("resize", rolls);
	tick();
	wander();
	setInterval(wander, 60000);
	if (src && mine)
		setTimeout(check, poll * 1000);
}());
