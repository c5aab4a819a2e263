{{%AUTOESCAPE context="HTML"}}<h1>{{LABEL_BULLETINS}}</h1>
{{#EMPTY}}<p class="empty">{{LABEL_NO_DATA}}</p>{{/EMPTY}}
<ol class="bulletin-list">
{{#BULLETINS}}<li><span class="bulletin-title">{{ITEM_TITLE}}</span> <time class="meta" datetime="{{ITEM_DATE}}">{{ITEM_DATE_CN}}</time><p>{{ITEM_SUMMARY}}</p></li>
{{/BULLETINS}}</ol>
