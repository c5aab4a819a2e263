{{%AUTOESCAPE context="HTML"}}
site {{TITLE}}
