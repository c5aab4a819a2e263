{{%AUTOESCAPE context="HTML"}}<h1>{{LABEL_GOLD}}</h1>
<p class="lead">综合得分{{GOLD_FLOOR}}分及以上的党组织评为金色示范型，由区级统一管理，按得分计星级。</p>
{{#CHART_TIERS}}{{CHART_HTML:none}}{{/CHART_TIERS}}
{{#HAS_GOLD}}<div class="table-wrap"><table class="data">
<caption>金色示范型党组织（按得分排序）</caption>
<thead><tr><th scope="col">党组织所在单位</th><th scope="col">区域</th><th scope="col" class="num">得分</th><th scope="col">星级</th>{{#HAS_GOLD_HONOURS}}<th scope="col">荣誉</th>{{/HAS_GOLD_HONOURS}}</tr></thead>
<tbody>
{{#GOLD}}<tr><th scope="row">{{GOLD_NAME}}</th><td>{{GOLD_REGION}}</td><td class="num">{{GOLD_SCORE}}</td><td><span class="stars" role="img" aria-label="{{GOLD_STARS}}星">{{GOLD_STARS_TEXT}}</span></td>{{#HAS_GOLD_HONOURS}}<td>{{GOLD_HONOURS}}</td>{{/HAS_GOLD_HONOURS}}</tr>
{{/GOLD}}</tbody>
</table></div>{{/HAS_GOLD}}
{{#HAS_MOVEMENT}}<section aria-labelledby="move-h">
<h2 id="move-h">等次变动（{{PREV_ROUND}} → {{MOVE_ROUND}}）</h2>
<dl class="kpis">
<div><dt>晋升等次</dt><dd>{{MOVED_UP}}<small>个</small></dd></div>
<div><dt>降低等次</dt><dd>{{MOVED_DOWN}}<small>个</small></dd></div>
<div><dt>新晋金色示范型</dt><dd>{{NEW_GOLD_COUNT}}<small>个</small></dd></div>
</dl>
{{#HAS_NEW_GOLD}}<div class="table-wrap"><table class="data">
<caption>新晋金色示范型党组织</caption>
<thead><tr><th scope="col">党组织所在单位</th><th scope="col">区域</th><th scope="col">上轮等次</th><th scope="col" class="num">本轮得分</th></tr></thead>
<tbody>
{{#NEW_GOLD}}<tr><th scope="row">{{GOLD_NAME}}</th><td>{{GOLD_REGION}}</td><td>{{GOLD_PREV}}</td><td class="num">{{GOLD_SCORE}}</td></tr>
{{/NEW_GOLD}}</tbody>
</table></div>{{/HAS_NEW_GOLD}}
</section>{{/HAS_MOVEMENT}}
