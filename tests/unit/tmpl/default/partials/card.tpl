{{%AUTOESCAPE context="HTML"}}
<div class="card">{{CARD_TITLE}}|{{OUTER}}</div>
