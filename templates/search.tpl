{{%AUTOESCAPE context="HTML"}}<h1>{{LABEL_SEARCH}}</h1>
<form id="search-form" class="search-form" role="search" action="{{ROOT}}search.html" method="get" data-root="{{ROOT}}" aria-label="{{LABEL_SEARCH}}">
<label for="search-q">{{LABEL_SEARCH_FIELD}}</label>
<input id="search-q" type="search" name="q" maxlength="100" autocomplete="off" enterkeyhint="search">
<button type="submit">{{LABEL_SEARCH}}</button>
</form>
<noscript><p class="empty">{{LABEL_SEARCH_NOSCRIPT}}</p></noscript>
<p id="search-status" class="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="search-results"></ol>
<button id="search-more" class="search-more" type="button" hidden>{{LABEL_SEARCH_MORE}}</button>
<nav id="search-suggest" class="search-suggest" aria-labelledby="search-suggest-h" hidden><h2 id="search-suggest-h">{{LABEL_SEARCH_SUGGEST}}</h2><ul></ul></nav>
<script src="{{ROOT}}assets/search/index.js" defer></script>
<script src="{{ROOT}}assets/js/search.js" defer></script>
