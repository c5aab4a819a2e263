{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN"><head><title>{{DOC_TITLE}}</title></head>
<body><main>{{>CONTENT}}</main>
{{>FOOTER_PARTIAL}}</body></html>
