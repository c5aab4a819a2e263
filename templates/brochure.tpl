{{%AUTOESCAPE context="HTML"}}<article class="doc brochure-doc">
{{#IS_WEB}}<p class="doc-links"><a href="{{PRINT_URL}}">打印版</a>{{#HAS_PDF}} · <a href="{{PDF_URL}}">下载PDF</a>{{/HAS_PDF}}</p>
{{/IS_WEB}}<section class="cover">
{{#HAS_COVER}}<img class="cover-image" src="{{COVER_URL}}" alt="">
{{/HAS_COVER}}<div class="cover-text">
<p class="cover-year">{{BROCHURE_YEAR}}</p>
<h1 class="cover-title">{{BROCHURE_TITLE}}</h1>
<p class="cover-subtitle">{{BROCHURE_SUBTITLE}}</p>
</div>
<p class="cover-office">{{BROCHURE_OFFICE}}</p>
</section>
<nav class="contents" aria-labelledby="contents-h">
<h2 id="contents-h" class="contents-title">目　录</h2>
<ol class="contents-list">
{{#CHAPTERS}}<li><a href="#{{CHAPTER_ID}}"><span class="ch-no">{{CHAPTER_NO}}、</span>{{CHAPTER_TITLE}}</a></li>
{{/CHAPTERS}}</ol>
<ol class="contents-cases">
{{#BROCHURE_CASES}}<li><a href="#{{CASE_ID}}">{{CASE_TITLE}}</a></li>
{{/BROCHURE_CASES}}</ol>
</nav>
{{#CH_OVERVIEW}}<section class="chapter" id="{{CHAPTER_ID}}">
<h2 class="chapter-title"><span class="ch-no">{{CHAPTER_NO}}、</span>{{CHAPTER_TITLE}}</h2>
<p class="chapter-lead">{{BROCHURE_YEAR}}年，全区纳入统计的非公企业和社会组织共{{STAT_UNITS}}家，其中非公企业{{STAT_ENTERPRISES}}家、社会组织{{STAT_SOCIAL}}个，建立党组织{{STAT_PARTY_ORGS}}个；组织覆盖率{{COVERAGE_ORG}}，工作覆盖率{{COVERAGE_WORK}}。</p>
{{#HAS_FIGURES}}<h3>主要指标完成情况</h3>
<dl class="figures">
{{#FIGURES}}<div class="figure-box"><dt>{{FIG_LABEL}}</dt><dd><span class="fig-value">{{FIG_VALUE}}</span><span class="fig-unit">{{FIG_UNIT}}</span>{{#HAS_TARGET}}<span class="fig-target">目标 {{FIG_TARGET}}{{FIG_UNIT}}{{#FIG_REACHED}} · 已达标{{/FIG_REACHED}}{{#FIG_MISSED}} · 差{{FIG_GAP}}{{FIG_UNIT}}{{/FIG_MISSED}}</span>{{/HAS_TARGET}}</dd></div>
{{/FIGURES}}</dl>
{{/HAS_FIGURES}}{{#CHART_TARGETS}}{{CHART_HTML:none}}{{/CHART_TARGETS}}
{{#CHART_PARTY_ORGS}}{{CHART_HTML:none}}{{/CHART_PARTY_ORGS}}
{{#TARGET_YEARS}}<h3>{{TARGET_PERIOD}}各党（工）委目标任务完成情况</h3>
<div class="table-wrap"><table class="data">
<caption>{{TARGET_PERIOD}}目标任务完成情况（完成 / 目标）</caption>
<thead><tr><th scope="col">党（工）委</th>{{#TARGET_HEADS}}<th scope="col" class="num">{{TARGET_HEAD}}</th>{{/TARGET_HEADS}}<th scope="col" class="num">完成目标</th></tr></thead>
<tbody>
{{#TARGET_ROWS}}<tr><th scope="row">{{TARGET_REGION}}</th>{{#TARGET_CELLS}}<td class="num">{{TARGET_CELL}}{{#TARGET_REACHED}} 已完成{{/TARGET_REACHED}}{{#TARGET_MISSED}} 未完成{{/TARGET_MISSED}}</td>{{/TARGET_CELLS}}<td class="num">{{TARGET_DONE}}</td></tr>
{{/TARGET_ROWS}}</tbody>
</table></div>
{{/TARGET_YEARS}}{{#TARGET_MIDYEAR}}<h3>{{TARGET_PERIOD}}目标任务中期检查</h3>
<div class="table-wrap"><table class="data">
<caption>{{TARGET_PERIOD}}中期检查（完成 / 半年目标）</caption>
<thead><tr><th scope="col">党（工）委</th>{{#TARGET_HEADS}}<th scope="col" class="num">{{TARGET_HEAD}}</th>{{/TARGET_HEADS}}<th scope="col" class="num">完成目标</th></tr></thead>
<tbody>
{{#TARGET_ROWS}}<tr><th scope="row">{{TARGET_REGION}}</th>{{#TARGET_CELLS}}<td class="num">{{TARGET_CELL}}{{#TARGET_REACHED}} 已完成{{/TARGET_REACHED}}{{#TARGET_MISSED}} 未完成{{/TARGET_MISSED}}</td>{{/TARGET_CELLS}}<td class="num">{{TARGET_DONE}}</td></tr>
{{/TARGET_ROWS}}</tbody>
</table></div>
{{/TARGET_MIDYEAR}}</section>
{{/CH_OVERVIEW}}{{#CH_COVERAGE}}<section class="chapter" id="{{CHAPTER_ID}}">
<h2 class="chapter-title"><span class="ch-no">{{CHAPTER_NO}}、</span>{{CHAPTER_TITLE}}</h2>
<dl class="figures">
{{#COVERAGE}}<div class="figure-box"><dt>{{COV_LABEL}}</dt><dd><span class="fig-value">{{COV_VALUE}}</span><span class="fig-target">目标 {{COV_TARGET}}{{#COV_REACHED}} · 已达标{{/COV_REACHED}}{{#COV_MISSED}} · {{COV_GAP}}{{/COV_MISSED}}</span></dd></div>
{{/COVERAGE}}<div class="figure-box"><dt>规上企业单独组建率</dt><dd><span class="fig-value">{{SINGLE_SETUP}}</span><span class="fig-target">目标 {{SINGLE_TARGET}}</span></dd></div>
</dl>
{{#HAS_BELOW}}<p>规上企业单独组建率低于{{SINGLE_TARGET}}的区域有{{BELOW_COUNT}}个：{{BELOW_NAMES}}，表中以“低于目标”标出。</p>{{/HAS_BELOW}}
{{#CHART_COVERAGE}}{{CHART_HTML:none}}{{/CHART_COVERAGE}}
<div class="chart-pair">{{#CHART_KINDS}}{{CHART_HTML:none}}{{/CHART_KINDS}}{{#CHART_FORMS}}{{CHART_HTML:none}}{{/CHART_FORMS}}</div>
<div class="table-wrap"><table class="data">
<caption>各区域覆盖情况</caption>
<thead><tr><th scope="col">区域</th><th scope="col" class="num">单位数</th><th scope="col" class="num">组织覆盖率</th><th scope="col" class="num">工作覆盖率</th><th scope="col" class="num">应建尽建率</th><th scope="col" class="num">规上单独组建率</th><th scope="col" class="num">应建未建</th></tr></thead>
<tbody>
{{#REGIONS}}<tr><th scope="row">{{GROUP_NAME}}</th><td class="num">{{GROUP_UNITS}}</td><td class="num">{{GROUP_ORG}}</td><td class="num">{{GROUP_WORK}}</td><td class="num">{{GROUP_REQUIRED}}</td><td class="num">{{GROUP_SINGLE}}{{#GROUP_BELOW}} 低于目标{{/GROUP_BELOW}}</td><td class="num">{{GROUP_NONCOMPLIANT}}</td></tr>
{{/REGIONS}}</tbody>
</table></div>
</section>
{{/CH_COVERAGE}}{{#CH_TIERS}}<section class="chapter" id="{{CHAPTER_ID}}">
<h2 class="chapter-title"><span class="ch-no">{{CHAPTER_NO}}、</span>{{CHAPTER_TITLE}}</h2>
<p class="chapter-lead">按最近一轮分类测评（{{ROUND}}）结果，党组织分为金色示范型、银色扶优型、铜色基础型三个等次，等次内按得分评定星级。</p>
<div class="chart-pair">{{#CHART_TIERS}}{{CHART_HTML:none}}{{/CHART_TIERS}}{{#CHART_STARS}}{{CHART_HTML:none}}{{/CHART_STARS}}</div>
<div class="table-wrap"><table class="data">
<caption>各等次组织数和星级分布</caption>
<thead><tr><th scope="col">等次</th><th scope="col" class="num">组织数</th><th scope="col" class="num">一星</th><th scope="col" class="num">二星</th><th scope="col" class="num">三星</th><th scope="col" class="num">四星</th><th scope="col" class="num">五星</th></tr></thead>
<tbody>
{{#TIERS}}<tr><th scope="row">{{TIER_NAME}}</th><td class="num">{{TIER_COUNT}}</td>{{#STAR_COUNTS}}<td class="num">{{TIER_STARS}}</td>{{/STAR_COUNTS}}</tr>
{{/TIERS}}</tbody>
</table></div>
{{#HAS_ASSESS}}{{#CHART_ROUNDS}}{{CHART_HTML:none}}{{/CHART_ROUNDS}}
<div class="table-wrap"><table class="data">
<caption>各区域党组织等次</caption>
<thead><tr><th scope="col">区域</th><th scope="col" class="num">参评</th><th scope="col" class="num">金色示范型</th><th scope="col" class="num">银色扶优型</th><th scope="col" class="num">铜色基础型</th><th scope="col" class="num">软弱涣散</th></tr></thead>
<tbody>
{{#REGION_TIER_ROWS}}<tr><th scope="row">{{ROW_NAME}}</th><td class="num">{{ROW_TOTAL}}</td>{{#ROW_TIERS}}<td class="num">{{ROW_TIER}}</td>{{/ROW_TIERS}}</tr>
{{/REGION_TIER_ROWS}}</tbody>
</table></div>
<div class="table-wrap"><table class="data">
<caption>各等次党组织七个方面平均得分</caption>
<thead><tr><th scope="col">等次</th><th scope="col" class="num">参评</th>{{#DIM_HEADS}}<th scope="col" class="num">{{DIM_LABEL}}</th>{{/DIM_HEADS}}</tr></thead>
<tbody>
<tr><th scope="row">满分</th><td class="num"></td>{{#DIM_MAXES}}<td class="num">{{DIM_MAX}}</td>{{/DIM_MAXES}}</tr>
{{#DIM_TIER_ROWS}}<tr><th scope="row">{{ROW_NAME}}</th><td class="num">{{ROW_TOTAL}}</td>{{#ROW_DIMS}}<td class="num">{{ROW_DIM}}</td>{{/ROW_DIMS}}</tr>
{{/DIM_TIER_ROWS}}</tbody>
</table></div>
{{/HAS_ASSESS}}{{#HAS_GOLD}}<h3>金色示范型党组织</h3>
<ol class="gold">
{{#GOLD}}<li><span class="gold-name">{{GOLD_NAME}}</span><span class="gold-stars" role="img" aria-label="{{GOLD_STARS}}星">{{GOLD_STARS_TEXT}}</span></li>
{{/GOLD}}</ol>
{{/HAS_GOLD}}{{#HAS_MOVEMENT}}<h3>等次变动</h3>
<p>与{{PREV_ROUND}}测评相比，{{MOVE_ROUND}}测评中{{MOVED_UP}}个党组织晋升等次，{{MOVED_DOWN}}个降低等次，新晋金色示范型{{NEW_GOLD_COUNT}}个。</p>
{{#HAS_NEW_GOLD}}<p>新晋金色示范型党组织：</p>
<ul class="columns">{{#NEW_GOLD}}<li>{{GOLD_NAME}}</li>{{/NEW_GOLD}}</ul>
{{/HAS_NEW_GOLD}}{{/HAS_MOVEMENT}}</section>
{{/CH_TIERS}}{{#CH_BELTS}}<section class="chapter" id="{{CHAPTER_ID}}">
<h2 class="chapter-title"><span class="ch-no">{{CHAPTER_NO}}、</span>{{CHAPTER_TITLE}}</h2>
{{#CHART_DEMO}}{{CHART_HTML:none}}{{/CHART_DEMO}}
{{#BELTS}}<section class="belt">
<h3>{{BELT_NAME}}<span class="badge">{{BELT_KIND}}</span></h3>
<p>{{BELT_SUMMARY}}</p>
<ol class="route">{{#BELT_POINTS}}<li>{{POINT_NAME}}</li>{{/BELT_POINTS}}</ol>
</section>
{{/BELTS}}{{#HAS_DEMO}}{{#DEMO_LEVELS}}<h3>{{DEMO_LEVEL}}示范点（{{DEMO_COUNT}}个）</h3>
<ul class="columns">{{#DEMO_SITES}}<li>{{POINT_NAME}}</li>{{/DEMO_SITES}}</ul>
{{/DEMO_LEVELS}}{{/HAS_DEMO}}</section>
{{/CH_BELTS}}{{#CH_BRANDS}}<section class="chapter" id="{{CHAPTER_ID}}">
<h2 class="chapter-title"><span class="ch-no">{{CHAPTER_NO}}、</span>{{CHAPTER_TITLE}}</h2>
<ul class="brands">
{{#BRANDS}}<li><p class="brand-name">{{BRAND_NAME}}</p><p class="brand-meta">{{BRAND_ORG}} · {{BRAND_LEVEL}}</p><p>{{BRAND_SUMMARY}}</p></li>
{{/BRANDS}}</ul>
</section>
{{/CH_BRANDS}}{{#CH_VENUES}}<section class="chapter" id="{{CHAPTER_ID}}">
<h2 class="chapter-title"><span class="ch-no">{{CHAPTER_NO}}、</span>{{CHAPTER_TITLE}}</h2>
{{#HAS_VENUES}}<p class="chapter-lead">全区建成党群服务阵地{{VENUE_TOTAL}}个，其中枢纽式党群服务中心{{VENUE_HUBS}}个、党群服务中心{{VENUE_CENTERS}}个；按有场所、有设施、有标志、有党旗、有书报、有制度的“六有”标准，{{VENUE_COMPLETE}}个全部达标，达标率{{VENUE_RATE}}。</p>
<div class="table-wrap"><table class="data">
<caption>各类阵地“六有”达标情况</caption>
<thead><tr><th scope="col">类型</th><th scope="col" class="num">数量</th><th scope="col" class="num">“六有”达标</th><th scope="col" class="num">达标率</th><th scope="col" class="num">服务单位</th></tr></thead>
<tbody>
{{#VENUE_KINDS}}<tr><th scope="row">{{VENUE_ROW_NAME}}</th><td class="num">{{VENUE_ROW_TOTAL}}</td><td class="num">{{VENUE_ROW_COMPLETE}}</td><td class="num">{{VENUE_ROW_RATE}}</td><td class="num">{{VENUE_ROW_SERVED}}</td></tr>
{{/VENUE_KINDS}}</tbody>
</table></div>
<div class="table-wrap"><table class="data">
<caption>各区域阵地和“六有”达标情况</caption>
<thead><tr><th scope="col">区域</th><th scope="col" class="num">合计</th><th scope="col" class="num">枢纽式中心</th><th scope="col" class="num">服务中心</th><th scope="col" class="num">活动场所</th><th scope="col" class="num">“六有”达标</th><th scope="col" class="num">达标率</th></tr></thead>
<tbody>
{{#VENUE_REGIONS}}<tr><th scope="row">{{VENUE_ROW_NAME}}</th><td class="num">{{VENUE_ROW_TOTAL}}</td><td class="num">{{VENUE_ROW_HUB}}</td><td class="num">{{VENUE_ROW_CENTER}}</td><td class="num">{{VENUE_ROW_ACTIVITY}}</td><td class="num">{{VENUE_ROW_COMPLETE}}</td><td class="num">{{VENUE_ROW_RATE}}</td></tr>
{{/VENUE_REGIONS}}</tbody>
</table></div>
{{/HAS_VENUES}}</section>
{{/CH_VENUES}}{{#CH_TALENT}}<section class="chapter" id="{{CHAPTER_ID}}">
<h2 class="chapter-title"><span class="ch-no">{{CHAPTER_NO}}、</span>{{CHAPTER_TITLE}}</h2>
{{#HAS_FUNNEL}}<p class="chapter-lead">截至{{FUNNEL_YEAR}}年，“双强红领”认证累计参加评审{{FUNNEL_REVIEWED}}人，通过认证{{FUNNEL_CERTIFIED}}人，认证通过率{{FUNNEL_RATIO}}。</p>
<dl class="figures">
<div class="figure-box"><dt>参加评审</dt><dd><span class="fig-value">{{FUNNEL_REVIEWED}}</span><span class="fig-unit">人</span></dd></div>
<div class="figure-box"><dt>通过认证</dt><dd><span class="fig-value">{{FUNNEL_CERTIFIED}}</span><span class="fig-unit">人</span></dd></div>
<div class="figure-box"><dt>认证通过率</dt><dd><span class="fig-value">{{FUNNEL_RATIO}}</span></dd></div>
</dl>
{{/HAS_FUNNEL}}{{#CHART_FUNNEL}}{{CHART_HTML:none}}{{/CHART_FUNNEL}}
</section>
{{/CH_TALENT}}{{#CH_CASES}}<section class="chapter" id="{{CHAPTER_ID}}">
<h2 class="chapter-title"><span class="ch-no">{{CHAPTER_NO}}、</span>{{CHAPTER_TITLE}}</h2>
{{#BROCHURE_CASES}}<article class="case-study" id="{{CASE_ID}}">
<h3 class="case-title">{{CASE_TITLE}}</h3>
<p class="case-meta">{{#HAS_CASE_REGION}}{{CASE_REGION}} · {{/HAS_CASE_REGION}}{{CASE_DATE_CN}}</p>
{{#HAS_CASE_COVER}}<img class="case-cover" src="{{CASE_COVER_URL}}" alt="{{CASE_TITLE}}">
{{/HAS_CASE_COVER}}<p class="case-lead">{{CASE_SUMMARY}}</p>
<div class="case-body">
{{CASE_BODY:none}}
</div>
{{#IS_WEB}}<p class="doc-more"><a href="{{CASE_URL}}">阅读案例全文页面</a></p>
{{/IS_WEB}}</article>
{{/BROCHURE_CASES}}</section>
{{/CH_CASES}}{{#IS_PRINT}}<div class="pad"></div><div class="pad"></div><div class="pad"></div>
<section class="back-cover">
{{#HAS_QR}}<figure class="doc-qr"><img src="{{QR_SRC:none}}" alt="{{QR_LINK}}"><figcaption>扫码访问网站</figcaption></figure>
{{/HAS_QR}}<p class="back-office">{{BROCHURE_OFFICE}}</p>
</section>
{{/IS_PRINT}}</article>
