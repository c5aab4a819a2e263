{{%AUTOESCAPE context="HTML"}}<article class="doc bulletin-doc">
{{#IS_WEB}}<p class="doc-links"><a href="{{PRINT_URL}}">打印版</a>{{#HAS_PDF}} · <a href="{{PDF_URL}}">下载PDF</a>{{/HAS_PDF}} · <a href="{{BULLETINS_URL}}">全部简报</a></p>
{{/IS_WEB}}<div class="sheet">
<header class="doc-head">
<p class="doc-name">{{BULLETIN_NAME}}</p>
<p class="doc-issue">第{{ISSUE}}期</p>
<p class="doc-line"><span class="doc-office">{{BULLETIN_OFFICE}}</span><time class="doc-date" datetime="{{DATE}}">{{DATE_CN}}</time></p>
</header>
<h1 class="doc-title">{{#TITLE_LINES}}<span class="title-line">{{TITLE_LINE}}</span>{{/TITLE_LINES}}</h1>
<div class="doc-body">
{{BODY:none}}
</div>
{{#HAS_CHARTS}}<section class="doc-charts">
{{#CHARTS}}{{CHART_HTML:none}}{{/CHARTS}}
</section>
{{/HAS_CHARTS}}{{#HAS_QR}}<figure class="doc-qr"><img src="{{QR_SRC:none}}" alt="{{QR_LINK}}"><figcaption>扫码阅读网页版</figcaption></figure>
{{/HAS_QR}}{{#HAS_CASES}}{{#CASES}}<section class="doc-case" id="{{CASE_ID}}">
<p class="doc-annex">附件{{CASE_NO}}</p>
<h2 class="doc-case-title">{{#CASE_TITLE_LINES}}<span class="title-line">{{CASE_TITLE_LINE}}</span>{{/CASE_TITLE_LINES}}</h2>
<div class="doc-body">
{{CASE_BODY:none}}
</div>
{{#IS_WEB}}<p class="doc-more"><a href="{{CASE_URL}}">阅读案例全文页面</a></p>
{{/IS_WEB}}</section>
{{/CASES}}{{/HAS_CASES}}{{#HAS_END}}<div class="doc-back"><footer class="doc-end">
{{#END_LINES}}<p class="end-line"><span class="end-label">{{END_LABEL}}：</span>{{END_TEXT}}</p>
{{/END_LINES}}{{#HAS_COPIES}}<p class="end-copies">（共印{{COPIES}}份）</p>
{{/HAS_COPIES}}</footer></div>
{{/HAS_END}}</div>
</article>
