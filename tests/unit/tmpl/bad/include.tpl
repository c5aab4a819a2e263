{{%AUTOESCAPE context="HTML"}}
<main>
{{> partials/card.tpl}}
</main>
