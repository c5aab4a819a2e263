{{%AUTOESCAPE context="HTML"}}<h1>{{LABEL_BRANDS}}</h1>
{{#EMPTY}}<p class="empty">{{LABEL_NO_DATA}}</p>{{/EMPTY}}
<div class="entity-list">
{{#BRANDS}}<article class="entity">
<h2><a href="{{BRAND_URL}}">{{BRAND_NAME}}</a> <span class="badge">{{BRAND_LEVEL}}</span></h2>
<p class="meta">{{BRAND_ORG}} · {{BRAND_CASES}}篇相关案例</p>
<p>{{BRAND_SUMMARY}}</p>
</article>
{{/BRANDS}}</div>
