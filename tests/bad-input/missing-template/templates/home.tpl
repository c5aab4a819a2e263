{{%AUTOESCAPE context="HTML"}}<section class="hero" aria-labelledby="hero-h">
<h1 id="hero-h">{{SITE_TITLE}}</h1>
<p>{{DESCRIPTION}}</p>
</section>
{{#HAS_FEATURED}}<section aria-labelledby="featured-h">
<h2 id="featured-h">{{LABEL_FEATURED}}</h2>
<div class="cards featured">
{{#FEATURED}}{{>CARD}}{{/FEATURED}}
</div>
</section>{{/HAS_FEATURED}}
<section aria-labelledby="latest-h">
<h2 id="latest-h">{{LABEL_LATEST}}</h2>
{{#EMPTY}}<p class="empty">{{LABEL_NO_DATA}}</p>{{/EMPTY}}
<div class="cards">
{{#LATEST}}{{>CARD}}{{/LATEST}}
</div>
<p class="more"><a href="{{CASES_URL}}">{{LABEL_ALL_CASES}}</a></p>
</section>
<section aria-labelledby="tags-h">
<h2 id="tags-h">{{LABEL_TAGS}}</h2>
<ul class="tag-cloud">
{{#ALL_TAGS}}<li><a href="{{TAG_URL}}">{{TAG_NAME}} <span class="count">{{TAG_COUNT}}</span></a></li>
{{/ALL_TAGS}}</ul>
</section>
