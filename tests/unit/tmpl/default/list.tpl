{{%AUTOESCAPE context="HTML"}}
<ul>
{{#ITEM}}
<li>{{NAME}}{{#ITEM_separator}}、{{/ITEM_separator}}</li>
{{/ITEM}}
</ul>
{{#EMPTY}}
<p>暂无{{NAME}}</p>
{{/EMPTY}}
{{#FLAG}}
<p>{{TOTAL}}个</p>
{{/FLAG}}
