{{%AUTOESCAPE context="HTML"}}<article class="case">
<header class="case-head">
<h1>{{TITLE}}</h1>
<p class="meta">{{#HAS_REGION}}<span>{{LABEL_REGION}}：{{REGION}}</span> · {{/HAS_REGION}}{{#HAS_DATE}}<span>{{LABEL_DATE}}：<time datetime="{{DATE}}">{{DATE_CN}}</time></span> · {{/HAS_DATE}}<span>{{LABEL_READING}} {{MINUTES}} {{LABEL_MINUTES}}</span></p>
<ul class="tags">{{#TAGS}}<li><a href="{{TAG_URL}}">{{TAG_NAME}}</a></li>{{/TAGS}}</ul>
</header>
{{#HAS_COVER}}<figure class="cover"><img src="{{COVER_URL}}" srcset="{{COVER_SRCSET}}" sizes="(min-width: 860px) 760px, 100vw" alt="{{TITLE}}" width="{{COVER_W}}" height="{{COVER_H}}"></figure>
{{/HAS_COVER}}<p class="lead">{{SUMMARY}}</p>
{{>ORG_CARD}}
{{#HAS_TOC}}{{TOC:none}}
{{/HAS_TOC}}<div class="prose">
{{BODY:none}}
</div>
<nav class="prevnext" aria-label="{{LABEL_PREV}}/{{LABEL_NEXT}}">
{{#HAS_PREV}}<a class="prev" href="{{PREV_URL}}" rel="prev"><span>{{LABEL_PREV}}</span>{{PREV_TITLE}}</a>{{/HAS_PREV}}
{{#HAS_NEXT}}<a class="next" href="{{NEXT_URL}}" rel="next"><span>{{LABEL_NEXT}}</span>{{NEXT_TITLE}}</a>{{/HAS_NEXT}}
</nav>
{{#HAS_RELATED}}<section class="related" aria-labelledby="related-h">
<h2 id="related-h">{{LABEL_RELATED}}</h2>
<ul>{{#RELATED}}<li><a href="{{REL_URL}}">{{REL_TITLE}}</a> <span class="meta">{{REL_DATE_CN}}</span></li>{{/RELATED}}</ul>
</section>{{/HAS_RELATED}}
</article>
