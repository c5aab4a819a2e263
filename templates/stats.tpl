{{%AUTOESCAPE context="HTML"}}<h1>{{LABEL_STATS}}</h1>
{{#NO_DATA}}<p class="empty">{{LABEL_NO_DATA}}</p>{{/NO_DATA}}
{{#HAS_DATA}}
<nav class="subnav" aria-label="分年度指标"><ul>{{#YEARS}}<li><a href="{{YEAR_URL}}">{{YEAR_NUM}}年</a></li>{{/YEARS}}<li><a href="{{ROOT}}gold.html">{{LABEL_GOLD}}</a></li><li><a href="{{ROOT}}sites.html">{{LABEL_SITES}}</a></li><li><a href="{{ROOT}}regions/index.html">按区域浏览案例</a></li></ul></nav>
<section aria-labelledby="overview-h">
<h2 id="overview-h">总体情况</h2>
<dl class="kpis">
<div><dt>非公企业和社会组织</dt><dd>{{STAT_UNITS}}<small>家</small></dd></div>
<div><dt>其中非公企业</dt><dd>{{STAT_ENTERPRISES}}<small>家</small></dd></div>
<div><dt>其中社会组织</dt><dd>{{STAT_SOCIAL}}<small>个</small></dd></div>
<div><dt>党组织</dt><dd>{{STAT_PARTY_ORGS}}<small>个</small></dd></div>
{{#COVERAGE}}<div><dt>{{COV_LABEL}}</dt><dd>{{COV_VALUE}}<small class="kpi-target">目标 {{COV_TARGET}}{{#COV_REACHED}} <span class="ok">已达标</span>{{/COV_REACHED}}{{#COV_MISSED}} <span class="miss">{{COV_GAP}}</span>{{/COV_MISSED}}</small></dd></div>
{{/COVERAGE}}<div><dt>规上企业单独组建率</dt><dd>{{SINGLE_SETUP}}<small class="kpi-target">目标 {{SINGLE_TARGET}}</small></dd></div>
<div><dt>应建未建单位</dt><dd>{{STAT_NONCOMPLIANT}}<small>家</small></dd></div>
</dl>
{{#HAS_BELOW}}<p class="note">规上企业单独组建率低于{{SINGLE_TARGET}}的区域（{{BELOW_COUNT}}个）：{{BELOW_NAMES}}。</p>{{/HAS_BELOW}}
<div class="chart-grid">{{#CHART_FORMS}}{{CHART_CARD_HTML:none}}{{/CHART_FORMS}}{{#CHART_KINDS}}{{CHART_CARD_HTML:none}}{{/CHART_KINDS}}</div>
</section>
{{#HAS_FIGURES}}<section aria-labelledby="figures-h">
<h2 id="figures-h">{{FIGURES_YEAR}}年主要指标</h2>
{{#CHART_TARGETS}}{{CHART_HTML:none}}{{/CHART_TARGETS}}
<div class="table-wrap"><table class="data">
<caption>{{FIGURES_YEAR}}年主要指标完成情况</caption>
<thead><tr><th scope="col">指标</th><th scope="col" class="num">完成</th><th scope="col" class="num">目标</th><th scope="col">完成情况</th><th scope="col" class="num">较上年</th></tr></thead>
<tbody>
{{#FIGURES}}<tr><th scope="row">{{FIG_LABEL}}</th><td class="num">{{FIG_VALUE}}{{FIG_UNIT}}</td><td class="num">{{#HAS_TARGET}}{{FIG_TARGET}}{{FIG_UNIT}}{{/HAS_TARGET}}</td><td>{{#HAS_TARGET}}{{#FIG_REACHED}}<span class="ok">已达标</span>{{/FIG_REACHED}}{{#FIG_MISSED}}<span class="miss">差{{FIG_GAP}}{{FIG_UNIT}}</span>{{/FIG_MISSED}}{{/HAS_TARGET}}</td><td class="num">{{#HAS_CHANGE}}{{FIG_CHANGE}}{{/HAS_CHANGE}}</td></tr>
{{/FIGURES}}</tbody>
</table></div>
</section>{{/HAS_FIGURES}}
<section aria-labelledby="coverage-h">
<h2 id="coverage-h">组织覆盖</h2>
{{#CHART_COVERAGE}}{{CHART_HTML:none}}{{/CHART_COVERAGE}}
<div class="table-wrap"><table class="data">
<caption>按单位类型</caption>
<thead><tr><th scope="col">类型</th><th scope="col" class="num">单位数</th><th scope="col" class="num">组织覆盖率</th><th scope="col" class="num">工作覆盖率</th><th scope="col" class="num">应建尽建率</th><th scope="col" class="num">规上企业单独组建率</th><th scope="col" class="num">应建未建</th></tr></thead>
<tbody>
{{#KINDS}}<tr><th scope="row">{{GROUP_NAME}}</th><td class="num">{{GROUP_UNITS}}</td><td class="num">{{GROUP_ORG}}</td><td class="num">{{GROUP_WORK}}</td><td class="num">{{GROUP_REQUIRED}}</td><td class="num">{{GROUP_SINGLE}}{{#GROUP_BELOW}} <span class="miss">低于目标</span>{{/GROUP_BELOW}}</td><td class="num">{{GROUP_NONCOMPLIANT}}</td></tr>
{{/KINDS}}</tbody>
</table></div>
<div class="table-wrap"><table class="data">
<caption>按区域（应建未建为单位数，名单见内部报告）</caption>
<thead><tr><th scope="col">区域</th><th scope="col" class="num">单位数</th><th scope="col" class="num">组织覆盖率</th><th scope="col" class="num">工作覆盖率</th><th scope="col" class="num">应建尽建率</th><th scope="col" class="num">规上企业单独组建率</th><th scope="col" class="num">应建未建</th></tr></thead>
<tbody>
{{#REGIONS}}<tr><th scope="row">{{GROUP_NAME}}</th><td class="num">{{GROUP_UNITS}}</td><td class="num">{{GROUP_ORG}}</td><td class="num">{{GROUP_WORK}}</td><td class="num">{{GROUP_REQUIRED}}</td><td class="num">{{GROUP_SINGLE}}{{#GROUP_BELOW}} <span class="miss">低于目标</span>{{/GROUP_BELOW}}</td><td class="num">{{GROUP_NONCOMPLIANT}}</td></tr>
{{/REGIONS}}</tbody>
</table></div>
<div class="table-wrap"><table class="data">
<caption>按行业</caption>
<thead><tr><th scope="col">行业</th><th scope="col" class="num">单位数</th><th scope="col" class="num">组织覆盖率</th><th scope="col" class="num">工作覆盖率</th><th scope="col" class="num">应建尽建率</th><th scope="col" class="num">规上企业单独组建率</th><th scope="col" class="num">应建未建</th></tr></thead>
<tbody>
{{#INDUSTRIES}}<tr><th scope="row">{{GROUP_NAME}}</th><td class="num">{{GROUP_UNITS}}</td><td class="num">{{GROUP_ORG}}</td><td class="num">{{GROUP_WORK}}</td><td class="num">{{GROUP_REQUIRED}}</td><td class="num">{{GROUP_SINGLE}}{{#GROUP_BELOW}} <span class="miss">低于目标</span>{{/GROUP_BELOW}}</td><td class="num">{{GROUP_NONCOMPLIANT}}</td></tr>
{{/INDUSTRIES}}</tbody>
</table></div>
</section>
<section aria-labelledby="tiers-h">
<h2 id="tiers-h">分类定级</h2>
<p class="meta">按最近一轮测评（{{ROUND}}）计。</p>
<div class="chart-grid">{{#CHART_TIERS}}{{CHART_CARD_HTML:none}}{{/CHART_TIERS}}{{#CHART_STARS}}{{CHART_CARD_HTML:none}}{{/CHART_STARS}}</div>
<div class="table-wrap"><table class="data">
<caption>各等次组织数和星级分布</caption>
<thead><tr><th scope="col">等次</th><th scope="col" class="num">组织数</th><th scope="col" class="num">一星</th><th scope="col" class="num">二星</th><th scope="col" class="num">三星</th><th scope="col" class="num">四星</th><th scope="col" class="num">五星</th></tr></thead>
<tbody>
{{#TIERS}}<tr><th scope="row">{{TIER_NAME}}</th><td class="num">{{TIER_COUNT}}</td>{{#STAR_COUNTS}}<td class="num">{{TIER_STARS}}</td>{{/STAR_COUNTS}}</tr>
{{/TIERS}}</tbody>
</table></div>
{{#HAS_ASSESS}}<h3>历次测评</h3>
{{#CHART_ROUNDS}}{{CHART_HTML:none}}{{/CHART_ROUNDS}}
<div class="table-wrap"><table class="data">
<caption>历次测评各等次党组织数</caption>
<thead><tr><th scope="col">测评轮次</th><th scope="col" class="num">参评</th><th scope="col" class="num">金色示范型</th><th scope="col" class="num">银色扶优型</th><th scope="col" class="num">铜色基础型</th><th scope="col" class="num">软弱涣散</th></tr></thead>
<tbody>
{{#ROUND_ROWS}}<tr><th scope="row">{{ROW_NAME}}</th><td class="num">{{ROW_TOTAL}}</td>{{#ROW_TIERS}}<td class="num">{{ROW_TIER}}</td>{{/ROW_TIERS}}</tr>
{{/ROUND_ROWS}}</tbody>
</table></div>
<div class="table-wrap"><table class="data">
<caption>各区域党组织等次（按最近一轮测评）</caption>
<thead><tr><th scope="col">区域</th><th scope="col" class="num">参评</th><th scope="col" class="num">金色示范型</th><th scope="col" class="num">银色扶优型</th><th scope="col" class="num">铜色基础型</th><th scope="col" class="num">软弱涣散</th></tr></thead>
<tbody>
{{#REGION_TIER_ROWS}}<tr><th scope="row">{{ROW_NAME}}</th><td class="num">{{ROW_TOTAL}}</td>{{#ROW_TIERS}}<td class="num">{{ROW_TIER}}</td>{{/ROW_TIERS}}</tr>
{{/REGION_TIER_ROWS}}</tbody>
</table></div>
<div class="table-wrap"><table class="data">
<caption>各行业党组织等次（按最近一轮测评）</caption>
<thead><tr><th scope="col">行业</th><th scope="col" class="num">参评</th><th scope="col" class="num">金色示范型</th><th scope="col" class="num">银色扶优型</th><th scope="col" class="num">铜色基础型</th><th scope="col" class="num">软弱涣散</th></tr></thead>
<tbody>
{{#INDUSTRY_TIER_ROWS}}<tr><th scope="row">{{ROW_NAME}}</th><td class="num">{{ROW_TOTAL}}</td>{{#ROW_TIERS}}<td class="num">{{ROW_TIER}}</td>{{/ROW_TIERS}}</tr>
{{/INDUSTRY_TIER_ROWS}}</tbody>
</table></div>
<h3>七个方面平均得分</h3>
<p class="meta">各方面得分为组织自评、党员群众测评、党（工）委复评按权重合计，七个方面之和即综合得分。</p>
<div class="table-wrap"><table class="data">
<caption>各等次党组织七个方面平均得分</caption>
<thead><tr><th scope="col">等次</th><th scope="col" class="num">参评</th>{{#DIM_HEADS}}<th scope="col" class="num">{{DIM_LABEL}}</th>{{/DIM_HEADS}}</tr></thead>
<tbody>
<tr><th scope="row">满分</th><td class="num"></td>{{#DIM_MAXES}}<td class="num">{{DIM_MAX}}</td>{{/DIM_MAXES}}</tr>
{{#DIM_TIER_ROWS}}<tr><th scope="row">{{ROW_NAME}}</th><td class="num">{{ROW_TOTAL}}</td>{{#ROW_DIMS}}<td class="num">{{ROW_DIM}}</td>{{/ROW_DIMS}}</tr>
{{/DIM_TIER_ROWS}}</tbody>
</table></div>
<div class="table-wrap"><table class="data">
<caption>各区域党组织七个方面平均得分</caption>
<thead><tr><th scope="col">区域</th><th scope="col" class="num">参评</th>{{#DIM_HEADS}}<th scope="col" class="num">{{DIM_LABEL}}</th>{{/DIM_HEADS}}</tr></thead>
<tbody>
<tr><th scope="row">满分</th><td class="num"></td>{{#DIM_MAXES}}<td class="num">{{DIM_MAX}}</td>{{/DIM_MAXES}}</tr>
{{#DIM_REGION_ROWS}}<tr><th scope="row">{{ROW_NAME}}</th><td class="num">{{ROW_TOTAL}}</td>{{#ROW_DIMS}}<td class="num">{{ROW_DIM}}</td>{{/ROW_DIMS}}</tr>
{{/DIM_REGION_ROWS}}</tbody>
</table></div>
{{/HAS_ASSESS}}{{#HAS_GOLD}}<h3>金色示范型党组织</h3>
<ol class="gold-list">
{{#GOLD}}<li><span class="gold-name">{{GOLD_NAME}}</span> <span class="meta">{{GOLD_REGION}}</span> <span class="stars" role="img" aria-label="{{GOLD_STARS}}星">{{GOLD_STARS_TEXT}}</span></li>
{{/GOLD}}</ol>{{/HAS_GOLD}}
</section>
{{#HAS_DEMO}}<section aria-labelledby="demo-h">
<h2 id="demo-h">示范点</h2>
{{#CHART_DEMO}}{{CHART_HTML:none}}{{/CHART_DEMO}}
{{#DEMO_LEVELS}}<h3>{{DEMO_LEVEL}}示范点（{{DEMO_COUNT}}个）</h3>
<ul class="columns">{{#DEMO_SITES}}<li>{{POINT_NAME}}</li>{{/DEMO_SITES}}</ul>
{{/DEMO_LEVELS}}</section>{{/HAS_DEMO}}
{{#HAS_VENUES}}<section aria-labelledby="venues-h">
<h2 id="venues-h">阵地建设</h2>
<dl class="kpis">
<div><dt>党群服务阵地</dt><dd>{{VENUE_TOTAL}}<small>个</small></dd></div>
<div><dt>其中枢纽式党群服务中心</dt><dd>{{VENUE_HUBS}}<small>个</small></dd></div>
<div><dt>达到“六有”标准</dt><dd>{{VENUE_COMPLETE}}<small>个</small></dd></div>
<div><dt>“六有”达标率</dt><dd>{{VENUE_RATE}}</dd></div>
</dl>
<div class="table-wrap"><table class="data">
<caption>按阵地类型</caption>
<thead><tr><th scope="col">类型</th><th scope="col" class="num">数量</th><th scope="col" class="num">“六有”达标</th><th scope="col" class="num">达标率</th><th scope="col" class="num">服务单位</th></tr></thead>
<tbody>
{{#VENUE_KINDS}}<tr><th scope="row">{{VENUE_ROW_NAME}}</th><td class="num">{{VENUE_ROW_TOTAL}}</td><td class="num">{{VENUE_ROW_COMPLETE}}</td><td class="num">{{VENUE_ROW_RATE}}</td><td class="num">{{VENUE_ROW_SERVED}}</td></tr>
{{/VENUE_KINDS}}</tbody>
</table></div>
<div class="table-wrap"><table class="data">
<caption>按区域</caption>
<thead><tr><th scope="col">区域</th><th scope="col" class="num">合计</th><th scope="col" class="num">枢纽式中心</th><th scope="col" class="num">服务中心</th><th scope="col" class="num">活动场所</th><th scope="col" class="num">“六有”达标</th><th scope="col" class="num">达标率</th></tr></thead>
<tbody>
{{#VENUE_REGIONS}}<tr><th scope="row">{{VENUE_ROW_NAME}}</th><td class="num">{{VENUE_ROW_TOTAL}}</td><td class="num">{{VENUE_ROW_HUB}}</td><td class="num">{{VENUE_ROW_CENTER}}</td><td class="num">{{VENUE_ROW_ACTIVITY}}</td><td class="num">{{VENUE_ROW_COMPLETE}}</td><td class="num">{{VENUE_ROW_RATE}}</td></tr>
{{/VENUE_REGIONS}}</tbody>
</table></div>
<div class="table-wrap"><table class="data">
<caption>“六有”各项达标的阵地数</caption>
<thead><tr>{{#VENUE_POINTS}}<th scope="col" class="num">{{VENUE_POINT_LABEL}}</th>{{/VENUE_POINTS}}</tr></thead>
<tbody>
<tr>{{#VENUE_POINTS}}<td class="num">{{VENUE_POINT_COUNT}}</td>{{/VENUE_POINTS}}</tr>
</tbody>
</table></div>
</section>
{{/HAS_VENUES}}{{#HAS_BELTS}}<section aria-labelledby="belts-h">
<h2 id="belts-h">示范带和红色街区</h2>
{{#BELTS}}<article class="belt">
<h3>{{BELT_NAME}} <span class="badge">{{BELT_KIND}}</span></h3>
<p>{{BELT_SUMMARY}}</p>
<ol class="route">{{#BELT_POINTS}}<li>{{POINT_NAME}}</li>{{/BELT_POINTS}}</ol>
</article>
{{/BELTS}}</section>{{/HAS_BELTS}}
{{#HAS_BRANDS}}<section aria-labelledby="brands-h">
<h2 id="brands-h">党建品牌</h2>
<ul class="brands">
{{#BRANDS}}<li><strong>{{#HAS_BRAND_CASE}}<a href="{{BRAND_CASE_URL}}">{{/HAS_BRAND_CASE}}{{BRAND_NAME}}{{#HAS_BRAND_CASE}}</a>{{/HAS_BRAND_CASE}}</strong> <span class="meta">{{BRAND_ORG}} · {{BRAND_LEVEL}}</span><br>{{BRAND_SUMMARY}}</li>
{{/BRANDS}}</ul>
</section>{{/HAS_BRANDS}}
{{#HAS_FUNNEL}}<section aria-labelledby="funnel-h">
<h2 id="funnel-h">“双强红领”认证（{{FUNNEL_YEAR}}年）</h2>
{{#CHART_FUNNEL}}{{CHART_HTML:none}}{{/CHART_FUNNEL}}
<dl class="kpis">
<div><dt>参加评审</dt><dd>{{FUNNEL_REVIEWED}}<small>人</small></dd></div>
<div><dt>通过认证</dt><dd>{{FUNNEL_CERTIFIED}}<small>人</small></dd></div>
<div><dt>认证通过率</dt><dd>{{FUNNEL_RATIO}}</dd></div>
</dl>
</section>{{/HAS_FUNNEL}}
{{#HAS_INDICATORS}}<section aria-labelledby="ind-h">
<h2 id="ind-h">历年指标</h2>
{{#CHART_PARTY_ORGS}}{{CHART_HTML:none}}{{/CHART_PARTY_ORGS}}
{{#INDICATORS}}<div class="table-wrap"><table class="data">
<caption>{{IND_LABEL}}</caption>
<thead><tr><th scope="col">年份</th><th scope="col" class="num">完成</th><th scope="col" class="num">目标</th><th scope="col">完成情况</th></tr></thead>
<tbody>
{{#IND_ROWS}}<tr><th scope="row">{{IND_YEAR}}</th><td class="num">{{IND_VALUE}}{{IND_UNIT}}</td><td class="num">{{#HAS_TARGET}}{{IND_TARGET}}{{IND_UNIT}}{{/HAS_TARGET}}</td><td>{{#HAS_TARGET}}{{#IND_REACHED}}<span class="ok">已达标</span>{{/IND_REACHED}}{{#IND_MISSED}}<span class="miss">差{{IND_GAP}}{{IND_UNIT}}</span>{{/IND_MISSED}}{{/HAS_TARGET}}</td></tr>
{{/IND_ROWS}}</tbody>
</table></div>
{{/INDICATORS}}</section>{{/HAS_INDICATORS}}
{{/HAS_DATA}}
