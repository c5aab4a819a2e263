{{%AUTOESCAPE context="HTML"}}
{{! Escaping under auto-escape: plain variables are escaped for where they stand, :none is raw. }}
<p title="{{TITLE}}">{{TEXT}}</p>
<a href="{{URL}}">链接</a>
{{BODY:none}}
