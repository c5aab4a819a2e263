{{%AUTOESCAPE context="HTML"}}<article class="page">
<h1>{{TITLE}}</h1>
{{#HAS_TOC}}{{TOC:none}}
{{/HAS_TOC}}<div class="prose">
{{BODY:none}}
</div>
</article>
