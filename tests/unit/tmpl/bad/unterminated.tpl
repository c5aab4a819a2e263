{{%AUTOESCAPE context="HTML"}}
<p>
{{TITLE
</p>
