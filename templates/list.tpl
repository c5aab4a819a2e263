{{%AUTOESCAPE context="HTML"}}<h1>{{LIST_TITLE}}</h1>
<p class="list-count meta">共<span class="list-count-n">{{LIST_COUNT}}</span>篇</p>
{{#BELT_INTRO}}<section class="intro">
<p><span class="badge">{{BELT_KIND}}</span> 共{{BELT_COUNT}}个点位</p>
<p>{{BELT_SUMMARY}}</p>
{{CHART_HTML:none}}
<h2>沿线点位</h2>
<ol class="route-list">
{{#BELT_POINTS}}<li>{{POINT_NAME}} <span class="meta">{{POINT_REGION}}</span></li>
{{/BELT_POINTS}}</ol>
<h2>{{LABEL_RELATED}}</h2>
</section>{{/BELT_INTRO}}
{{#BRAND_INTRO}}<section class="intro">
<p><span class="badge">{{BRAND_LEVEL}}品牌</span></p>
<p>{{BRAND_SUMMARY}}</p>
{{>ORG_CARD}}
<h2>{{LABEL_RELATED}}</h2>
</section>{{/BRAND_INTRO}}
{{#EMPTY}}<p class="empty">{{LABEL_NO_DATA}}</p>{{/EMPTY}}
<div class="cards">
{{#ITEMS}}{{>CARD}}{{/ITEMS}}
</div>
{{>PAGINATION}}
