{{%AUTOESCAPE context="HTML"}}<h1>{{LABEL_GOLD}}</h1>
<p class="lead">综合得分90分及以上的党组织评为金色示范型，由区级统一管理，按得分计星级。</p>
{{#CHART_TIERS}}{{CHART_HTML:none}}{{/CHART_TIERS}}
{{#HAS_GOLD}}<div class="table-wrap"><table class="data">
<caption>金色示范型党组织（按得分排序）</caption>
<thead><tr><th scope="col">党组织所在单位</th><th scope="col">区域</th><th scope="col" class="num">得分</th><th scope="col">星级</th></tr></thead>
<tbody>
{{#GOLD}}<tr><th scope="row">{{GOLD_NAME}}</th><td>{{GOLD_REGION}}</td><td class="num">{{GOLD_SCORE}}</td><td><span class="stars" aria-label="{{GOLD_STARS}}星">{{GOLD_STARS_TEXT}}</span></td></tr>
{{/GOLD}}</tbody>
</table></div>{{/HAS_GOLD}}
