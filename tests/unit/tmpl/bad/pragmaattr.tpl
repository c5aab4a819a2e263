{{%AUTOESCAPE contxt="HTML"}}
<p>{{TITLE}}</p>
