{{%AUTOESCAPE context="HTML"}}<article class="page">
<h1>{{TITEL}}</h1>
{{BODY:none}}
</article>
