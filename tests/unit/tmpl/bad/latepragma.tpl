<!doctype html>
{{%AUTOESCAPE context="HTML"}}
<p>{{TITLE}}</p>
