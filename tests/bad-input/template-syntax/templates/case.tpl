{{%AUTOESCAPE context="HTML"}}<article>
<h1>{{TITLE}}</h1>
{{#HAS_DATE}}<p>{{DATE}}</p>
</article>
