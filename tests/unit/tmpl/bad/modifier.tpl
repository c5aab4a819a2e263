{{%AUTOESCAPE context="HTML"}}
<p>
  标题：{{TITLE:nosuchmod}}
</p>
