{{%AUTOESCAPE context="HTML"}}<h1>{{LABEL_SITES}}</h1>
{{#CHART_DEMO}}{{CHART_HTML:none}}{{/CHART_DEMO}}
{{#DEMO_LEVELS}}<section>
<h2>{{DEMO_LEVEL}}示范点（{{DEMO_COUNT}}个）</h2>
<ul class="columns">{{#DEMO_SITES}}<li>{{POINT_NAME}}</li>{{/DEMO_SITES}}</ul>
</section>
{{/DEMO_LEVELS}}
