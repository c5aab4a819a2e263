{{%AUTOESCAPE context="HTML"}}<article class="card">
{{#HAS_ITEM_COVER}}<a class="card-cover" href="{{ITEM_URL}}" tabindex="-1" aria-hidden="true"><img src="{{ITEM_COVER_URL}}" srcset="{{ITEM_COVER_SRCSET}}" sizes="(min-width: 1000px) 360px, (min-width: 700px) 50vw, 100vw" alt="" width="{{ITEM_COVER_W}}" height="{{ITEM_COVER_H}}" loading="lazy"></a>
{{/HAS_ITEM_COVER}}<div class="card-body">
<h3 class="card-title"><a href="{{ITEM_URL}}">{{ITEM_TITLE}}</a></h3>
<p class="meta">{{#HAS_ITEM_REGION}}<span>{{ITEM_REGION}}</span> · {{/HAS_ITEM_REGION}}<time datetime="{{ITEM_DATE}}">{{ITEM_DATE_CN}}</time></p>
<p class="card-summary">{{ITEM_SUMMARY}}</p>
<ul class="tags">{{#TAGS}}<li><a href="{{TAG_URL}}">{{TAG_NAME}}</a></li>{{/TAGS}}</ul>
</div>
</article>
