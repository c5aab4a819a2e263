{{%AUTOESCAPE context="HTML"}}<h1>{{LIST_TITLE}}</h1>
{{#EMPTY}}<p class="empty">{{LABEL_NO_DATA}}</p>{{/EMPTY}}
<ul class="tag-cloud">
{{#ALL_TAGS}}<li><a href="{{TAG_URL}}">{{TAG_NAME}} <span class="count">{{TAG_COUNT}}</span></a></li>
{{/ALL_TAGS}}</ul>
