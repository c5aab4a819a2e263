{{%AUTOESCAPE context="HTML"}}<h1>{{LIST_TITLE}}</h1>
{{#EMPTY}}<p class="empty">{{LABEL_NO_DATA}}</p>{{/EMPTY}}
<div class="cards">
{{#ITEMS}}{{>CARD}}{{/ITEMS}}
</div>
{{>PAGINATION}}
