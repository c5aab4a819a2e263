{{%AUTOESCAPE context="HTML"}}
<p>
  标题：{{TITLE:x-upper}}
</p>
<p>{{TITLE:x-upper}}{{>CARD:x-a}}{{>CARD:h}}{{>CARD:x-a}}</p>
