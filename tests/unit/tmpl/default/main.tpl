{{%AUTOESCAPE context="HTML"}}
<main>{{OUTER}}
{{>CARD}}
</main>
