/*
 * showcase offline search. Plain JavaScript, no framework, no network:
 * the index is window.SHOWCASE_SEARCH, set by search-index.js (written by
 * generator/search.c, whose comments describe the format), loaded before
 * this file with a plain <script src>, so search works from file:// too.
 * No eval, no inline script, no innerHTML: the page may keep a strict
 * Content-Security-Policy (script-src 'self').
 *
 * A query is cut the way the generator cuts pages: runs of Chinese
 * characters (a run of one character is looked up as itself, a longer run
 * as all its neighbouring pairs) and lowercase words of ASCII letters and
 * digits (full-width forms folded). A page matches when it holds every
 * term. For runs of three or more characters a page that holds the pairs
 * apart matches too: the index keeps no positions.
 *
 * Ranking: pages whose title holds more of the query first, then pages
 * where more of the query's terms are frequent ("hot"), then the newest,
 * then the index order.
 *
 * The page provides (templates/search.tpl):
 *   form#search-form [data-root]   with an input named q
 *   #search-status                 the result count (aria-live)
 *   #search-results                an empty list that receives the results
 *   #search-more                   a hidden "more results" button
 */
(function () {
	'use strict';

	var PAGE = 20;        /* results shown at a time */
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
		more: '显示更多结果'
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

	var groups = null; /* the groups of "chars" split so far */

	/*
	 * The entry of a term (postings, then '.' and the hot postings), or
	 * null. Words have keys of their own; a Chinese character and its
	 * bigrams share the group of the first character.
	 */
	function entry(index, term) {
		var first = String.fromCodePoint(term.codePointAt(0)), fields, k;

		if (!isCjk(term.codePointAt(0)))
			return own(index.words, term) ? index.words[term] : null;
		if (!own(index.chars, first))
			return null;
		/* split each group once: the big ones are tens of kilobytes */
		if (!groups || groups.index !== index)
			groups = { index: index, fields: new Map() };
		fields = groups.fields.get(first);
		if (!fields) {
			fields = index.chars[first].split(' ');
			groups.fields.set(first, fields);
		}
		if (term.length === first.length)
			return fields[1] || null;
		k = Array.from(fields[0]).indexOf(term.slice(first.length));
		return k < 0 ? null : fields[k + 2];
	}

	/*
	 * Search the index: {parts, results}, results an array of
	 * {doc, title, hot, date} ranked best first; null when the query has
	 * no term at all.
	 */
	function search(index, query) {
		var parts = parse(query), terms = [], seen = {}, n = index.docs.length;
		var k, j, list, hits, count, hot, res, doc, title, t, entries;

		for (k = 0; k < parts.length; k++)
			for (j = 0; j < parts[k].terms.length; j++) {
				t = parts[k].terms[j];
				if (!own(seen, t)) {
					seen[t] = true;
					terms.push(t);
				}
			}
		if (!terms.length)
			return null;
		entries = [];
		for (k = 0; k < terms.length; k++) {
			t = entry(index, terms[k]);
			if (!t)
				return { parts: parts, results: [] };
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
		res = new Array(hits.length);
		for (k = 0; k < hits.length; k++) {
			doc = index.docs[hits[k]];
			title = foldString(doc[1]);
			t = 0;
			for (j = 0; j < parts.length; j++)
				if (title.indexOf(parts[j].text) >= 0)
					t++;
			res[k] = { doc: hits[k], title: t, hot: hot[hits[k]], date: doc[2] };
		}
		res.sort(function (a, b) {
			return b.title - a.title || b.hot - a.hot ||
				(a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
				a.doc - b.doc;
		});
		return { parts: parts, results: res };
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

	function item(doc, parts, root) {
		var li = document.createElement('li'), h = document.createElement('h2');
		var a = document.createElement('a'), meta, time, p;

		li.className = 'search-result';
		if (safeUrl(doc[0]))
			a.setAttribute('href', root + doc[0]);
		highlight(a, doc[1], parts);
		h.appendChild(a);
		li.appendChild(h);
		if (doc[2]) {
			meta = document.createElement('p');
			meta.className = 'meta';
			time = document.createElement('time');
			time.setAttribute('datetime', doc[2]);
			time.textContent = doc[2];
			meta.appendChild(time);
			li.appendChild(meta);
		}
		if (doc[3]) {
			p = document.createElement('p');
			p.className = 'snippet';
			highlight(p, doc[3], parts);
			li.appendChild(p);
		}
		return li;
	}

	function start() {
		var form = document.getElementById('search-form');
		var status = document.getElementById('search-status');
		var list = document.getElementById('search-results');
		var more = document.getElementById('search-more');
		var index = window.SHOWCASE_SEARCH;
		var input, root, current = null, shown = 0, timer = 0;

		if (!form || !status || !list)
			return;
		input = form.elements.namedItem('q');
		root = form.getAttribute('data-root') || '';
		if (!index || index.version !== 1 || !index.docs || !index.words || !index.chars) {
			status.textContent = TEXT.broken;
			return;
		}
		if (more && !more.textContent.trim())
			more.textContent = TEXT.more;

		function showMore() {
			var end = Math.min(shown + PAGE, current.results.length);
			var frag = document.createDocumentFragment();

			for (; shown < end; shown++)
				frag.appendChild(item(index.docs[current.results[shown].doc],
						      current.parts, root));
			list.appendChild(frag);
			if (more)
				more.hidden = shown >= current.results.length;
		}

		function run(query) {
			current = search(index, query);
			shown = 0;
			while (list.firstChild)
				list.removeChild(list.firstChild);
			if (more)
				more.hidden = true;
			if (!current) {
				status.textContent = query.trim() ? TEXT.none : TEXT.empty;
				return;
			}
			status.textContent = current.results.length ?
				TEXT.found(current.results.length) : TEXT.none;
			showMore();
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

		form.addEventListener('submit', function (ev) {
			ev.preventDefault();
			window.clearTimeout(timer);
			run(input.value);
			remember(input.value);
		});
		input.addEventListener('input', function (ev) {
			if (ev.isComposing)
				return; /* wait for the input method to finish */
			window.clearTimeout(timer);
			timer = window.setTimeout(function () {
				run(input.value);
				remember(input.value);
			}, 250);
		});
		if (more)
			more.addEventListener('click', showMore);

		var q = new URLSearchParams(window.location.search).get('q');
		if (q !== null) {
			input.value = q;
			run(q);
		}
	}

	/* For tests and the benchmark: the same functions the page uses. */
	window.showcaseSearch = { parse: parse, decode: decode, search: search };

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', start);
	else
		start();
}());
