{{%AUTOESCAPE context="HTML"}}<h1>{{LABEL_BELTS}}</h1>
{{#EMPTY}}<p class="empty">{{LABEL_NO_DATA}}</p>{{/EMPTY}}
<div class="entity-list">
{{#BELTS}}<article class="entity">
<h2><a href="{{BELT_URL}}">{{BELT_NAME}}</a> <span class="badge">{{BELT_KIND}}</span></h2>
<p>{{BELT_SUMMARY}}</p>
<p class="meta">{{BELT_COUNT}}个点位 · {{BELT_CASES}}篇相关案例</p>
</article>
{{/BELTS}}</div>
<p class="more"><a href="{{ROOT}}sites.html">{{LABEL_SITES}}（按级别）</a></p>
