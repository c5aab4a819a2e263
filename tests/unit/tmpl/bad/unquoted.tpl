{{%AUTOESCAPE context="HTML"}}
<p>
<a href={{URL}}>链接</a>
</p>
