{{%AUTOESCAPE context="HTML"}}
default {{TITLE}}
