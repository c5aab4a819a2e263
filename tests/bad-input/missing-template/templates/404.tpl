{{%AUTOESCAPE context="HTML"}}<section class="notfound">
<h1>{{LABEL_NOT_FOUND}}</h1>
<p>{{LABEL_NOT_FOUND_TEXT}}</p>
<p><a href="{{ROOT}}index.html">{{LABEL_BACK_HOME}}</a></p>
</section>
