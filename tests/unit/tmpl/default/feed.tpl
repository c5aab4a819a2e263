{{%AUTOESCAPE context="XML"}}
<title>{{TITLE}}</title>
