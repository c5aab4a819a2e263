{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}" class="screen" data-version="{{SCREEN_VERSION}}" data-interval="{{SCREEN_INTERVAL}}" data-version-src="{{SCREEN_VERSION_URL}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{DOC_TITLE}}</title>
<link rel="stylesheet" href="{{ROOT}}assets/css/screen.css">
<link rel="icon" href="{{ROOT}}assets/theme/logo.png" type="image/png">
<script src="{{ROOT}}assets/js/screen.js" defer></script>
</head>
<body>
<div class="frame" id="frame">
<header class="top">
<img class="logo" src="{{ROOT}}assets/theme/logo.png" alt="" width="64" height="64">
<div class="names"><p class="office">{{OFFICE}}</p><h1 class="site">{{SITE_TITLE}}·数据大屏</h1></div>
<p class="now"><time class="date" id="date"></time><time class="clock" id="clock"></time></p>
</header>
<main class="panels" id="panels">
{{#PANELS}}<section class="panel p-{{PANEL_KEY}}" data-panel="{{PANEL_KEY}}" aria-label="{{PANEL_TITLE}}">
<h2>{{PANEL_TITLE}}</h2>
{{#IS_FIGURES}}<ul class="tiles n{{FIG_COUNT}}">
{{#FIGURES}}<li class="tile"><span class="fig-label">{{FIG_LABEL}}</span><span class="fig-value">{{FIG_VALUE}}<small>{{FIG_UNIT}}</small></span>{{#HAS_TARGET}}<span class="fig-target">目标 {{FIG_TARGET}}{{FIG_UNIT}}　{{#FIG_REACHED}}<b class="ok">已达标</b>{{/FIG_REACHED}}{{#FIG_MISSED}}<b class="miss">差{{FIG_GAP}}{{FIG_UNIT}}</b>{{/FIG_MISSED}}</span>{{/HAS_TARGET}}</li>
{{/FIGURES}}</ul>{{/IS_FIGURES}}
{{#IS_COVERAGE}}<div class="split">
<ul class="rates">
{{#COVERAGE}}<li><span class="rate-label">{{COV_LABEL}}</span><span class="rate-value">{{COV_VALUE}}</span><span class="rate-target">目标 {{COV_TARGET}}　{{#COV_REACHED}}<b class="ok">已达标</b>{{/COV_REACHED}}{{#COV_MISSED}}<b class="miss">{{COV_GAP}}</b>{{/COV_MISSED}}</span></li>
{{/COVERAGE}}</ul>
{{#SCREEN_CHARTS}}{{>CHART}}{{/SCREEN_CHARTS}}
</div>{{/IS_COVERAGE}}
{{#IS_TIERS}}<div class="pair">{{#SCREEN_CHARTS}}{{>CHART}}{{/SCREEN_CHARTS}}</div>{{/IS_TIERS}}
{{#IS_BELT}}<div class="belt">
<div class="belt-facts"><p class="badge">{{BELT_KIND}}</p><p class="belt-count"><b>{{BELT_COUNT}}</b>个点位</p><p class="belt-count"><b>{{BELT_CASES}}</b>篇典型案例</p><p class="belt-summary">{{BELT_SUMMARY}}</p></div>
{{#SCREEN_CHARTS}}{{>CHART}}{{/SCREEN_CHARTS}}
</div>{{/IS_BELT}}
{{#IS_FUNNEL}}<div class="pair">{{#SCREEN_CHARTS}}{{>CHART}}{{/SCREEN_CHARTS}}</div>{{/IS_FUNNEL}}
{{#IS_NEWS}}<div class="news">
{{#HAS_CASES}}<div class="ticker"><h3>典型案例</h3><div class="roll"><ol class="items">
{{#NEWS_CASES}}<li><time datetime="{{ITEM_DATE}}">{{ITEM_DATE_CN}}</time><span>{{ITEM_TITLE}}</span></li>
{{/NEWS_CASES}}</ol><ol class="items copy" aria-hidden="true">
{{#NEWS_CASES}}<li><time datetime="{{ITEM_DATE}}">{{ITEM_DATE_CN}}</time><span>{{ITEM_TITLE}}</span></li>
{{/NEWS_CASES}}</ol></div></div>{{/HAS_CASES}}
{{#HAS_BULLETINS}}<div class="ticker"><h3>工作简报</h3><div class="roll"><ol class="items">
{{#NEWS_BULLETINS}}<li><time datetime="{{ITEM_DATE}}">{{ITEM_DATE_CN}}</time><span>第{{ISSUE}}期　{{ITEM_TITLE}}</span></li>
{{/NEWS_BULLETINS}}</ol><ol class="items copy" aria-hidden="true">
{{#NEWS_BULLETINS}}<li><time datetime="{{ITEM_DATE}}">{{ITEM_DATE_CN}}</time><span>第{{ISSUE}}期　{{ITEM_TITLE}}</span></li>
{{/NEWS_BULLETINS}}</ol></div></div>{{/HAS_BULLETINS}}
</div>{{/IS_NEWS}}
</section>
{{/PANELS}}{{#SCREEN_EMPTY}}<section class="panel p-title" data-panel="title" aria-label="{{SITE_TITLE}}"><h2>{{SITE_TITLE}}</h2></section>{{/SCREEN_EMPTY}}
</main>
<footer class="bottom">
<ol class="tabs" id="tabs">{{#PANELS}}<li title="{{PANEL_TITLE}}"></li>{{/PANELS}}</ol>
<p class="state" id="state"></p>
</footer>
</div>
</body>
</html>
