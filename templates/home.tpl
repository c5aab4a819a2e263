{{%AUTOESCAPE context="HTML"}}<h1 class="visually-hidden">{{SITE_TITLE}}</h1>
<div class="home-pair home-top">
<section aria-labelledby="news-h">
<h2 id="news-h">{{LABEL_NEWS}}</h2>
{{#EMPTY}}<p class="empty">{{LABEL_NO_DATA}}</p>{{/EMPTY}}
<ul class="home-list news-list">
{{#NEWS}}<li><a href="{{ITEM_URL}}">{{ITEM_TITLE}}</a> <time class="meta" datetime="{{ITEM_DATE}}">{{ITEM_DATE_CN}}</time></li>
{{/NEWS}}</ul>
<p class="more"><a href="{{CASES_URL}}">{{LABEL_ALL_CASES}}</a></p>
</section>
{{#HAS_HOME_BULLETINS}}<section aria-labelledby="bulletins-h">
<h2 id="bulletins-h">{{LABEL_BULLETINS}}</h2>
<ul class="home-list">
{{#HOME_BULLETINS}}<li><a href="{{ITEM_URL}}">第{{ISSUE}}期　{{ITEM_TITLE}}</a> <time class="meta" datetime="{{ITEM_DATE}}">{{ITEM_DATE_CN}}</time></li>
{{/HOME_BULLETINS}}</ul>
<p class="more"><a href="{{BULLETINS_URL}}">全部简报</a></p>
</section>{{/HAS_HOME_BULLETINS}}
</div>
{{#HAS_FIGURES}}<section aria-labelledby="figures-h">
<h2 id="figures-h">{{FIGURES_YEAR}}年主要指标</h2>
<ul class="figures">
{{#FIGURES}}<li class="figure"><span class="fig-label">{{FIG_LABEL}}</span><span class="fig-value">{{FIG_VALUE}}<small>{{FIG_UNIT}}</small></span>{{#HAS_TARGET}}<span class="fig-target">目标 {{FIG_TARGET}}{{FIG_UNIT}} {{#FIG_REACHED}}<span class="ok">已达标</span>{{/FIG_REACHED}}{{#FIG_MISSED}}<span class="miss">差{{FIG_GAP}}{{FIG_UNIT}}</span>{{/FIG_MISSED}}</span>{{/HAS_TARGET}}</li>
{{/FIGURES}}</ul>
<div class="chart-grid">{{#HOME_CHARTS}}{{CHART_CARD_HTML:none}}{{/HOME_CHARTS}}</div>
<p class="more"><a href="{{STATS_URL}}">查看全部数据</a></p>
</section>{{/HAS_FIGURES}}
{{#HAS_FEATURED}}<section aria-labelledby="featured-h">
<h2 id="featured-h">{{LABEL_FEATURED}}</h2>
<div class="cards featured">
{{#FEATURED}}{{>CARD}}{{/FEATURED}}
</div>
</section>{{/HAS_FEATURED}}
<div class="home-pair">
{{#HAS_HOME_BELTS}}<section aria-labelledby="belts-h">
<h2 id="belts-h">{{LABEL_BELTS}}</h2>
<ul class="home-list">
{{#HOME_BELTS}}<li><a href="{{BELT_URL}}">{{BELT_NAME}}</a> <span class="badge">{{BELT_KIND}}</span> <span class="meta">{{BELT_COUNT}}个点位</span></li>
{{/HOME_BELTS}}</ul>
<p class="more"><a href="{{BELTS_URL}}">全部{{LABEL_BELTS}}</a></p>
</section>{{/HAS_HOME_BELTS}}
<section aria-labelledby="tags-h">
<h2 id="tags-h">{{LABEL_TAGS}}</h2>
<ul class="tag-cloud">
{{#ALL_TAGS}}<li><a href="{{TAG_URL}}">{{TAG_NAME}} <span class="count">{{TAG_COUNT}}</span></a></li>
{{/ALL_TAGS}}</ul>
</section>
</div>
