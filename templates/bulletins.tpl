{{%AUTOESCAPE context="HTML"}}<h1>{{LABEL_BULLETINS}}</h1>
{{#BROCHURES}}<section class="brochure-box" aria-labelledby="brochure-h">
<h2 id="brochure-h">{{BROCHURE_TITLE}}</h2>
<p><a href="{{ITEM_URL}}">在线阅读</a> · <a href="{{PRINT_URL}}">打印版</a>{{#HAS_PDF}} · <a href="{{PDF_URL}}">下载PDF</a>{{/HAS_PDF}}</p>
</section>{{/BROCHURES}}
{{#EMPTY}}<p class="empty">{{LABEL_NO_DATA}}</p>{{/EMPTY}}
<ol class="bulletin-list">
{{#BULLETINS}}<li><a class="bulletin-title" href="{{ITEM_URL}}">第{{ISSUE}}期　{{ITEM_TITLE}}</a> <time class="meta" datetime="{{ITEM_DATE}}">{{ITEM_DATE_CN}}</time>
<p>{{ITEM_SUMMARY}}</p>
<p class="meta"><a href="{{PRINT_URL}}">打印版</a>{{#HAS_PDF}} · <a href="{{PDF_URL}}">PDF</a>{{/HAS_PDF}}</p></li>
{{/BULLETINS}}</ol>
