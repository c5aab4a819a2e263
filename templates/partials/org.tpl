{{%AUTOESCAPE context="HTML"}}<aside class="org-card" aria-label="党组织信息">
<h2 class="org-name">{{ORG_NAME}}</h2>
<dl>
<div><dt>类型</dt><dd>{{ORG_KIND}}</dd></div>
<div><dt>所在区域</dt><dd>{{ORG_REGION}}</dd></div>
{{#HAS_ORG_LEVEL}}<div><dt>党组织</dt><dd>{{ORG_LEVEL}}</dd></div>{{/HAS_ORG_LEVEL}}
{{#HAS_ORG_TIER}}<div><dt>分类定级</dt><dd>{{ORG_TIER}} <span class="stars" role="img" aria-label="{{ORG_STARS}}星">{{ORG_STARS_TEXT}}</span> <small>（{{ORG_ROUND}}测评）</small></dd></div>{{/HAS_ORG_TIER}}
{{#HAS_ORG_DEMO}}<div><dt>示范点</dt><dd>{{ORG_DEMO}}示范点</dd></div>{{/HAS_ORG_DEMO}}
{{#HAS_ORG_HONOURS}}<div><dt>荣誉</dt><dd>{{ORG_HONOURS}}</dd></div>
{{/HAS_ORG_HONOURS}}{{#HAS_ORG_BRAND}}<div><dt>党建品牌</dt><dd><a href="{{ORG_BRAND_URL}}">{{ORG_BRAND}}</a></dd></div>{{/HAS_ORG_BRAND}}
</dl>
</aside>
