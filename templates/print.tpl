{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="showcase {{VERSION}}">
<title>{{DOC_TITLE}}</title>
<link rel="stylesheet" href="{{CSS_URL}}">
<link rel="icon" href="{{ROOT}}assets/theme/logo.png" type="image/png">
</head>
<body class="print {{DOC_CLASS}}">
<p class="print-back"><a href="{{WEB_URL}}">返回网页版</a></p>
{{>CONTENT}}
</body>
</html>
