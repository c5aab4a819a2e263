{{%AUTOESCAPE context="HTM"}}
<p>{{TITLE}}</p>
