/*
 * showcase offline search. Plain JavaScript, no framework, no network
 * request but <script src>: the index is split into files under
 * assets/search/ (written by generator/search.c, whose comments describe
 * the format). index.js, loaded before this file, says how many shards
 * and chunks there are; a query loads only the term shards its terms fall
 * in, then the page chunks of the results it shows, each with a plain
 * <script> tag that calls SHOWCASE_SEARCH_PART, so search works from
 * file:// too. No eval, no inline script, no innerHTML: the page may keep
 * a strict Content-Security-Policy (script-src 'self').
 *
 * A query is cut the way the generator cuts pages: runs of Chinese
 * characters (a run of one character is looked up as itself, a longer run
 * as all its neighbouring pairs) and lowercase words of ASCII letters and
 * digits (full-width forms folded). A page matches when it holds every
 * term. For runs of three or more characters a page that holds the pairs
 * apart matches too: the index keeps no positions.
 *
 * Ranking: pages where more of the query's terms are "hot" (frequent on
 * the page, or in its title) first, then the newest: pages are numbered
 * newest first.
 *
 * The page provides (templates/search.tpl):
 *   form#search-form [data-root]   with an input named q
 *   #search-status                 the result count (aria-live)
 *   #search-results                an empty list that receives the results
 *   #search-more                   a hidden "more results" button
 *   #search-suggest                a hidden list for 热门搜索
 */
(function () {
	'use strict';

	var PAGE = 10;        /* results shown at a time: at most PAGE chunks */
	var SNIPPET = 80;     /* characters of text shown around a match */
	var WORD_MAX = 32;    /* SEARCH_WORD_MAX in generator/search.h */
	var QUERY_MAX = 200;  /* UTF-16 units of a query that are read */
	var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
	var VAL = new Int8Array(128);
	var i;

	for (i = 0; i < 128; i++)
		VAL[i] = -1;
	for (i = 0; i < 64; i++)
		VAL[B64.charCodeAt(i)] = i;

	var TEXT = {
		found: function (n) { return '找到 ' + n + ' 条结果'; },
		none: '没有找到相关内容',
		empty: '请输入要搜索的词语',
		broken: '搜索索引未能加载，请稍后再试',
		more: '显示更多结果',
		loading: '正在搜索……'
	};

	/* ---- text, as generator/search.c sees it ---------------------------- */

	function isCjk(cp) {
		return (cp >= 0x4E00 && cp <= 0x9FFF) ||
			(cp >= 0x3400 && cp <= 0x4DBF) ||
			(cp >= 0x20000 && cp <= 0x2FA1F) ||
			(cp >= 0xF900 && cp <= 0xFAFF);
	}

	/* Full-width letters and digits to ASCII, ASCII to lowercase. */
	function fold(cp) {
		if (cp >= 0xFF10 && cp <= 0xFF19)
			return cp - 0xFF10 + 48;
		if (cp >= 0xFF21 && cp <= 0xFF3A)
			return cp - 0xFF21 + 97;
		if (cp >= 0xFF41 && cp <= 0xFF5A)
			return cp - 0xFF41 + 97;
		if (cp >= 65 && cp <= 90)
			return cp + 32;
		return cp;
	}

	function isWord(cp) {
		return (cp >= 48 && cp <= 57) || (cp >= 97 && cp <= 122);
	}

	/*
	 * The string s folded unit for unit: every folded character is one
	 * UTF-16 unit as before, so offsets in the result are offsets in s.
	 */
	function foldString(s) {
		var out = '', k, c;

		if (!/[A-Z\uFF10-\uFF5A]/.test(s))
			return s;
		for (k = 0; k < s.length; k++) {
			c = s.charCodeAt(k);
			out += String.fromCharCode(c < 0xD800 || c > 0xDFFF ? fold(c) : c);
		}
		return out;
	}

	/*
	 * Parts of a query: {text, terms}: text is what to highlight (the run or
	 * the word, folded), terms the index keys it needs.
	 */
	function parse(query) {
		var parts = [], run = [], word = '', cp;

		query = String(query).slice(0, QUERY_MAX);

		function endRun() {
			var terms = [], k;

			if (run.length === 1)
				terms.push(run[0]);
			for (k = 0; k + 1 < run.length; k++)
				terms.push(run[k] + run[k + 1]);
			if (run.length)
				parts.push({ text: run.join(''), terms: terms });
			run = [];
		}
		function endWord() {
			if (word)
				parts.push({ text: word, terms: [word] });
			word = '';
		}
		for (var ch of query) {
			cp = fold(ch.codePointAt(0));
			if (isWord(cp)) {
				endRun();
				if (word.length < WORD_MAX)
					word += String.fromCharCode(cp);
			} else {
				endWord();
				if (isCjk(cp))
					run.push(ch);
				else
					endRun();
			}
		}
		endRun();
		endWord();
		return parts;
	}

	/* ---- the index ------------------------------------------------------- */

	/* The page numbers of a postings string, ascending. */
	function decode(s) {
		var out = [], k, v, j, acc = 0, last = -1;

		if (s.charCodeAt(0) === 126) { /* '~': bitmap */
			for (k = 1; k < s.length; k++) {
				v = VAL[s.charCodeAt(k)];
				for (j = 0; v; j++, v >>= 1)
					if (v & 1)
						out.push((k - 1) * 6 + j);
			}
			return out;
		}
		for (k = 0; k < s.length; k++) {
			v = VAL[s.charCodeAt(k)];
			if (v >= 32) {
				acc = acc * 32 + v - 32;
			} else {
				last += 1 + acc * 32 + v;
				out.push(last);
				acc = 0;
			}
		}
		return out;
	}

	function own(obj, key) {
		return Object.prototype.hasOwnProperty.call(obj, key);
	}

	/* ---- loading the parts of the index -------------------------------- */

	var meta = null, root = '', parts = {}, waiting = {};

	/* Every part calls this when its <script> runs (after this file). */
	window.SHOWCASE_SEARCH_PART = function (name, json) {
		try {
			parts[name] = JSON.parse(json);
		} catch (e) {
			parts[name] = null;
		}
		(waiting[name] || []).forEach(function (w) { w.ok(); });
		delete waiting[name];
	};

	/* A promise of part name, loaded once with a <script> tag. */
	function load(name) {
		if (own(parts, name))
			return parts[name] ? Promise.resolve(parts[name]) :
				Promise.reject(new Error(name));
		return new Promise(function (ok, fail) {
			var first = !own(waiting, name);

			if (first)
				waiting[name] = [];
			waiting[name].push({
				ok: function () {
					if (parts[name])
						ok(parts[name]);
					else
						fail(new Error(name));
				}
			});
			if (!first)
				return;
			var el = document.createElement('script');

			el.src = root + 'assets/search/' + name + '.js';
			el.async = true;
			el.onerror = function () {
				parts[name] = null;
				(waiting[name] || []).forEach(function (w) { w.ok(); });
				delete waiting[name];
			};
			document.head.appendChild(el);
		});
	}

	function hex(n, width) {
		var s = n.toString(16);

		while (s.length < width)
			s = '0' + s;
		return s;
	}

	/* FNV-1a 64 of the UTF-8 bytes of term, modulo the shard count, as
	 * generator/search.c places terms. */
	var FNV_PRIME = BigInt('0x100000001b3'), MASK = BigInt('0xffffffffffffffff');
	var encoder = new TextEncoder();

	function shardOf(term) {
		var h = BigInt('0xcbf29ce484222325'), bytes = encoder.encode(term), k;

		for (k = 0; k < bytes.length; k++)
			h = ((h ^ BigInt(bytes[k])) * FNV_PRIME) & MASK;
		return 't-' + hex(Number(h % BigInt(meta.shards)), 3);
	}

	function chunkOf(doc) {
		return 'd-' + hex(Math.floor(doc / meta.chunk), 4);
	}

	/* The page doc of a loaded chunk: [url, title, date, kind, summary, text]. */
	function page(doc) {
		var c = parts[chunkOf(doc)];

		return c ? c[doc % meta.chunk] : null;
	}

	/*
	 * The entry of a term in its loaded shard (postings, then '.' and the
	 * hot postings), or null. Words have keys of their own; a Chinese
	 * character and its bigrams share the group of the first character.
	 */
	function entry(term) {
		var shard = parts[shardOf(term)], first, fields, k;

		if (!shard)
			return null;
		first = String.fromCodePoint(term.codePointAt(0));
		if (!isCjk(term.codePointAt(0)))
			return own(shard.words, term) ? shard.words[term] : null;
		if (!own(shard.chars, first))
			return null;
		if (!shard.split)
			shard.split = new Map();
		fields = shard.split.get(first);
		if (!fields) {
			fields = shard.chars[first].split(' ');
			shard.split.set(first, fields);
		}
		if (term.length === first.length)
			return fields[1] || null;
		k = Array.from(fields[0]).indexOf(term.slice(first.length));
		return k < 0 ? null : fields[k + 2];
	}

	/* The terms of a query, each once. */
	function termsOf(parsed) {
		var terms = [], seen = {}, k, j, t;

		for (k = 0; k < parsed.length; k++)
			for (j = 0; j < parsed[k].terms.length; j++) {
				t = parsed[k].terms[j];
				if (!own(seen, t)) {
					seen[t] = true;
					terms.push(t);
				}
			}
		return terms;
	}

	/*
	 * Search the loaded shards: {parts, results}, results an array of
	 * {doc, hot} ranked best first; null when the query has no term at
	 * all. The shards of the query's terms must be loaded (find()).
	 */
	function search(query) {
		var parsed = parse(query), terms = termsOf(parsed), n = meta.pages;
		var k, j, list, hits, count, hot, entries, t;

		if (!terms.length)
			return null;
		entries = [];
		for (k = 0; k < terms.length; k++) {
			t = entry(terms[k]);
			if (!t)
				return { parts: parsed, results: [] };
			entries.push(t.split('.'));
		}
		/* count[d] = how many of the terms page d holds, in order */
		count = new Uint16Array(n);
		for (k = 0; k < entries.length; k++) {
			list = decode(entries[k][0]);
			for (j = 0; j < list.length; j++)
				if (count[list[j]] === k)
					count[list[j]] = k + 1;
		}
		hits = [];
		for (j = 0; j < n; j++)
			if (count[j] === entries.length)
				hits.push(j);
		hot = new Uint16Array(n);
		for (k = 0; k < entries.length; k++)
			if (entries[k].length > 1) {
				list = decode(entries[k][1]);
				for (j = 0; j < list.length; j++)
					hot[list[j]]++;
			}
		hits.sort(function (a, b) { return hot[b] - hot[a] || a - b; });
		return { parts: parsed, results: hits };
	}

	/* Load the shards of a query's terms, then search: a promise. */
	function find(query) {
		var names = {}, terms = termsOf(parse(query));

		terms.forEach(function (t) { names[shardOf(t)] = true; });
		return Promise.all(Object.keys(names).map(load)).then(function () {
			return search(query);
		});
	}

	/* ---- rendering ------------------------------------------------------- */

	/* Append text to el with every occurrence of the parts in <mark>. */
	function highlight(el, text, parts) {
		var folded = foldString(text), marks = [], k, at, p, start, end;

		for (k = 0; k < parts.length; k++) {
			p = parts[k].text;
			for (at = folded.indexOf(p); at >= 0; at = folded.indexOf(p, at + p.length))
				marks.push([at, at + p.length]);
		}
		marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
		at = 0;
		for (k = 0; k < marks.length; k++) {
			start = Math.max(marks[k][0], at);
			end = marks[k][1];
			if (end <= start)
				continue;
			while (k + 1 < marks.length && marks[k + 1][0] <= end) {
				end = Math.max(end, marks[k + 1][1]);
				k++;
			}
			if (start > at)
				el.appendChild(document.createTextNode(text.slice(at, start)));
			var m = document.createElement('mark');
			m.textContent = text.slice(start, end);
			el.appendChild(m);
			at = end;
		}
		if (at < text.length)
			el.appendChild(document.createTextNode(text.slice(at)));
	}

	/* Index URLs are relative paths; anything else is not linked. */
	function safeUrl(url) {
		return typeof url === 'string' && !/^([a-z][a-z0-9+.-]*:|\/\/|\/)/i.test(url);
	}

	/* 2025-06-26 as 2025年6月26日 */
	function dateCn(d) {
		var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d || '');

		return m ? m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日' : d;
	}

	/* SNIPPET characters of text around the first match of the parts, or
	 * null when the text holds none. */
	function around(text, parts) {
		var folded = foldString(text), best = -1, k, at, from, s;

		for (k = 0; k < parts.length; k++) {
			at = folded.indexOf(parts[k].text);
			if (at >= 0 && (best < 0 || at < best))
				best = at;
		}
		if (best < 0)
			return null;
		from = Math.max(0, best - SNIPPET / 3);
		s = text.slice(from, from + SNIPPET);
		return (from > 0 ? '…' : '') + s + (from + SNIPPET < text.length ? '…' : '');
	}

	function item(doc, parts) {
		var li = document.createElement('li'), h = document.createElement('h2');
		var a = document.createElement('a'), meta, time, kind, p, snip;

		li.className = 'search-result';
		if (safeUrl(doc[0]))
			a.setAttribute('href', root + doc[0]);
		highlight(a, doc[1], parts);
		h.appendChild(a);
		li.appendChild(h);
		meta = document.createElement('p');
		meta.className = 'meta';
		if (doc[3]) {
			kind = document.createElement('span');
			kind.className = 'search-kind';
			kind.textContent = doc[3];
			meta.appendChild(kind);
		}
		if (doc[2]) {
			time = document.createElement('time');
			time.setAttribute('datetime', doc[2]);
			time.textContent = dateCn(doc[2]);
			meta.appendChild(time);
		}
		li.appendChild(meta);
		snip = around(doc[5] || '', parts) || around(doc[4] || '', parts) ||
			doc[4] || (doc[5] || '').slice(0, SNIPPET);
		if (snip) {
			p = document.createElement('p');
			p.className = 'snippet';
			highlight(p, snip, parts);
			li.appendChild(p);
		}
		return li;
	}

	function start() {
		var form = document.getElementById('search-form');
		var status = document.getElementById('search-status');
		var list = document.getElementById('search-results');
		var more = document.getElementById('search-more');
		var suggest = document.getElementById('search-suggest');
		var input, current = null, shown = 0, timer = 0, asked = 0;

		if (!form || !status || !list)
			return;
		input = form.elements.namedItem('q');
		root = form.getAttribute('data-root') || '';
		meta = window.SHOWCASE_SEARCH;
		if (!meta || meta.version !== 2 || !(meta.shards > 0) || !(meta.chunk > 0)) {
			status.textContent = TEXT.broken;
			return;
		}
		if (more && !more.textContent.trim())
			more.textContent = TEXT.more;

		/* 热门搜索: shown when the box is empty or nothing is found */
		function offer(show) {
			if (!suggest)
				return;
			var ul = suggest.querySelector('ul');

			if (ul && !ul.firstChild)
				(meta.suggest || []).forEach(function (w) {
					var li = document.createElement('li');
					var a = document.createElement('a');

					a.setAttribute('href', root + 'search.html?q=' + encodeURIComponent(w));
					a.textContent = w;
					a.addEventListener('click', function (ev) {
						ev.preventDefault();
						input.value = w;
						go(w);
					});
					li.appendChild(a);
					ul.appendChild(li);
				});
			suggest.hidden = !show || !(meta.suggest || []).length;
		}

		function showMore() {
			var end = Math.min(shown + PAGE, current.results.length);
			var wanted = {}, k, mine = current;

			for (k = shown; k < end; k++)
				wanted[chunkOf(current.results[k])] = true;
			if (more)
				more.disabled = true;
			return Promise.all(Object.keys(wanted).map(load)).then(function () {
				var frag = document.createDocumentFragment(), doc;

				if (mine !== current)
					return;
				for (; shown < end; shown++) {
					doc = page(current.results[shown]);
					if (doc)
						frag.appendChild(item(doc, current.parts));
				}
				list.appendChild(frag);
				if (more) {
					more.disabled = false;
					more.hidden = shown >= current.results.length;
				}
			});
		}

		function clear() {
			shown = 0;
			while (list.firstChild)
				list.removeChild(list.firstChild);
			if (more)
				more.hidden = true;
		}

		function run(query) {
			var mine = ++asked;

			if (!termsOf(parse(query)).length) {
				current = null;
				clear();
				status.textContent = query.trim() ? TEXT.none : TEXT.empty;
				offer(true);
				return Promise.resolve();
			}
			status.textContent = TEXT.loading;
			return find(query).then(function (res) {
				if (mine !== asked)
					return;
				current = res;
				clear();
				status.textContent = current.results.length ?
					TEXT.found(current.results.length) : TEXT.none;
				offer(!current.results.length);
				return showMore();
			}, function () {
				if (mine === asked)
					status.textContent = TEXT.broken;
			});
		}

		/* Keep ?q= in the address so that results can be linked. */
		function remember(query) {
			try {
				var url = new URL(window.location.href);

				url.searchParams.set('q', query);
				window.history.replaceState(null, '', url.href);
			} catch (e) {
				/* some browsers refuse it on file:// */
			}
		}

		function go(query) {
			window.clearTimeout(timer);
			run(query);
			remember(query);
		}

		form.addEventListener('submit', function (ev) {
			ev.preventDefault();
			go(input.value);
		});
		input.addEventListener('input', function (ev) {
			if (ev.isComposing)
				return; /* wait for the input method to finish */
			window.clearTimeout(timer);
			timer = window.setTimeout(function () { go(input.value); }, 250);
		});
		if (more)
			more.addEventListener('click', showMore);

		var q = new URLSearchParams(window.location.search).get('q');
		if (q !== null) {
			input.value = q;
			run(q);
		} else {
			status.textContent = TEXT.empty;
			offer(true);
		}
	}

	/* For tests and the benchmark: the same functions the page uses. */
	window.showcaseSearch = { parse: parse, decode: decode, find: find, load: load,
		page: page, chunkOf: chunkOf, shardOf: shardOf };

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', start);
	else
		start();
}());
