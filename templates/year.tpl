{{%AUTOESCAPE context="HTML"}}<h1>{{FIGURES_YEAR}}年{{LABEL_INDICATORS}}</h1>
{{#HAS_FIGURES}}<ul class="figures">
{{#FIGURES}}<li class="figure"><span class="fig-label">{{FIG_LABEL}}</span><span class="fig-value">{{FIG_VALUE}}<small>{{FIG_UNIT}}</small></span>{{#HAS_TARGET}}<span class="fig-target">目标 {{FIG_TARGET}}{{FIG_UNIT}} {{#FIG_REACHED}}<span class="ok">已达标</span>{{/FIG_REACHED}}{{#FIG_MISSED}}<span class="miss">差{{FIG_GAP}}{{FIG_UNIT}}</span>{{/FIG_MISSED}}</span>{{/HAS_TARGET}}{{#HAS_CHANGE}}<span class="fig-target">较上年 {{FIG_CHANGE}}</span>{{/HAS_CHANGE}}</li>
{{/FIGURES}}</ul>{{/HAS_FIGURES}}
<nav class="prevnext" aria-label="其他年度">{{#HAS_PREV_YEAR}}<a href="{{PREV_YEAR_URL}}" rel="prev">← {{PREV_YEAR_NUM}}年{{LABEL_INDICATORS}}</a>{{/HAS_PREV_YEAR}}{{#HAS_NEXT_YEAR}}<a href="{{NEXT_YEAR_URL}}" rel="next">{{NEXT_YEAR_NUM}}年{{LABEL_INDICATORS}} →</a>{{/HAS_NEXT_YEAR}}</nav>
<p class="more"><a href="{{ROOT}}stats.html">{{LABEL_STATS}}</a></p>
