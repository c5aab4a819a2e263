{{%AUTOESCAPE context="HTML"}}<nav class="pagination" aria-label="{{LABEL_PAGES}}">
<p class="page-count">{{PAGE_NO}} / {{PAGE_COUNT}} {{LABEL_PAGE_OF}}</p>
<ul>
{{#HAS_PREV_PAGE}}<li><a href="{{PREV_PAGE_URL}}" rel="prev">{{LABEL_PREV_PAGE}}</a></li>
{{/HAS_PREV_PAGE}}{{#PAGE_LINKS}}<li>{{#IS_CURRENT}}<span aria-current="page">{{PAGE_NUM}}</span>{{/IS_CURRENT}}{{#NOT_CURRENT}}<a href="{{PAGE_URL}}">{{PAGE_NUM}}</a>{{/NOT_CURRENT}}</li>
{{/PAGE_LINKS}}{{#HAS_NEXT_PAGE}}<li><a href="{{NEXT_PAGE_URL}}" rel="next">{{LABEL_NEXT_PAGE}}</a></li>
{{/HAS_NEXT_PAGE}}</ul>
</nav>
