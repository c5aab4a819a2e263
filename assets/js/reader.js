/*
 * Reading aids of every page: text size 大/中/小, kept in localStorage, and
 * 打印本页. Loaded in <head> without defer, so that the chosen size is on
 * <html> before the page is drawn (no flash of the default size); the
 * buttons are bound once the document is read. An external file, not an
 * inline script: the site's Content-Security-Policy allows no inline script.
 */
(function () {
	'use strict';
	var KEY = 'showcase-text-size';
	var SIZES = ['s', 'm', 'l'];
	var root = document.documentElement;

	function stored() {
		try {
			var v = window.localStorage.getItem(KEY);
			return SIZES.indexOf(v) >= 0 ? v : 'm';
		} catch (e) {
			/* storage may be refused (privacy settings, some file:// setups) */
			return 'm';
		}
	}

	function apply(size) {
		for (var i = 0; i < SIZES.length; i++)
			root.classList.remove('text-' + SIZES[i]);
		if (size !== 'm')
			root.classList.add('text-' + size);
		var buttons = document.querySelectorAll('[data-text-size]');
		for (var j = 0; j < buttons.length; j++)
			buttons[j].setAttribute('aria-pressed',
				buttons[j].getAttribute('data-text-size') === size ? 'true' : 'false');
	}

	apply(stored());

	function bind() {
		var tools = document.querySelector('.reader-tools');
		if (!tools)
			return;
		tools.addEventListener('click', function (ev) {
			var b = ev.target.closest('button');
			if (!b)
				return;
			var size = b.getAttribute('data-text-size');
			if (size) {
				try {
					window.localStorage.setItem(KEY, size);
				} catch (e) {
					/* the size still applies to this page */
				}
				apply(size);
			} else if (b.hasAttribute('data-print')) {
				window.print();
			}
		});
		apply(stored());
		tools.hidden = false;
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', bind);
	else
		bind();
})();
