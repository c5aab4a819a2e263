{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="showcase {{VERSION}}">
<title>{{DOC_TITLE}}</title>
<meta name="description" content="{{DESCRIPTION}}">
<link rel="stylesheet" href="{{ROOT}}assets/css/site.css">
{{#DOC_CSS}}<link rel="stylesheet" href="{{ROOT}}assets/css/print.css">{{/DOC_CSS}}
<link rel="icon" href="{{ROOT}}assets/theme/logo.png" type="image/png">
<link rel="alternate" type="application/atom+xml" href="{{ROOT}}feed.xml" title="{{SITE_TITLE}}">
<script src="{{ROOT}}assets/js/reader.js"></script>
</head>
<body>
<a class="skip" href="#main">{{LABEL_SKIP}}</a>
<header class="masthead">
<div class="wrap">
<a class="brand" href="{{ROOT}}index.html"><img src="{{ROOT}}assets/theme/logo.png" alt="" width="40" height="40"><span class="brand-text"><span class="brand-title">{{SITE_TITLE}}</span><span class="brand-office">{{OFFICE}}</span></span></a>
<form class="site-search" role="search" action="{{ROOT}}search.html" method="get" aria-label="{{LABEL_SEARCH}}"><label for="site-q" class="visually-hidden">{{LABEL_SEARCH_FIELD}}</label><input id="site-q" type="search" name="q" placeholder="{{LABEL_SEARCH_FIELD}}"><button type="submit">{{LABEL_SEARCH}}</button></form>
</div>
<nav class="nav" aria-label="{{LABEL_NAV}}">
<ul class="wrap">
{{#NAV}}<li><a href="{{NAV_URL}}"{{#NAV_CURRENT}} aria-current="page"{{/NAV_CURRENT}}>{{NAV_LABEL}}</a></li>
{{/NAV}}</ul>
</nav>
</header>
<main id="main" class="wrap">
<div class="topbar">
{{#HAS_CRUMBS}}<nav class="crumbs" aria-label="{{LABEL_BREADCRUMB}}"><ol>
{{#BREADCRUMB}}<li>{{#CRUMB_LINK}}<a href="{{CRUMB_URL}}">{{CRUMB_LABEL}}</a>{{/CRUMB_LINK}}{{#CRUMB_LAST}}<span aria-current="page">{{CRUMB_LABEL}}</span>{{/CRUMB_LAST}}</li>
{{/BREADCRUMB}}</ol></nav>{{/HAS_CRUMBS}}
<div class="reader-tools" role="group" aria-label="{{LABEL_READER_TOOLS}}" hidden><span class="reader-label">{{LABEL_TEXT_SIZE}}</span><button type="button" data-text-size="l" aria-pressed="false">大</button><button type="button" data-text-size="m" aria-pressed="true">中</button><button type="button" data-text-size="s" aria-pressed="false">小</button><button type="button" class="reader-print" data-print>{{LABEL_PRINT_PAGE}}</button></div>
</div>
{{>CONTENT}}
</main>
<footer class="footer">
<div class="wrap">
<nav class="footer-links" aria-label="{{LABEL_FOOTER_NAV}}"><ul>
{{#FOOTER_LINKS}}<li><a href="{{FOOT_URL}}">{{FOOT_LABEL}}</a></li>
{{/FOOTER_LINKS}}</ul></nav>
<p>{{#HAS_FOOTER_HOST}}<span class="foot-item">{{LABEL_FOOTER_HOST}}：{{FOOTER_HOST}}</span>{{/HAS_FOOTER_HOST}}{{#HAS_FOOTER_ORGANIZER}}<span class="foot-item">{{LABEL_FOOTER_ORGANIZER}}：{{FOOTER_ORGANIZER}}</span>{{/HAS_FOOTER_ORGANIZER}}</p>
{{#HAS_FOOTER_CONTACT}}<p>{{#HAS_FOOTER_ADDRESS}}<span class="foot-item">{{LABEL_FOOTER_ADDRESS}}：{{FOOTER_ADDRESS}}</span>{{/HAS_FOOTER_ADDRESS}}{{#HAS_FOOTER_PHONE}}<span class="foot-item">{{LABEL_FOOTER_PHONE}}：{{FOOTER_PHONE}}</span>{{/HAS_FOOTER_PHONE}}</p>
{{/HAS_FOOTER_CONTACT}}{{#HAS_FOOTER_NOTICE}}<p class="foot-notice">{{FOOTER_NOTICE}}</p>
{{/HAS_FOOTER_NOTICE}}<p class="small">{{COPYRIGHT}} · {{YEAR}}</p>
</div>
</footer>
</body>
</html>
