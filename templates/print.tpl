{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="generator" content="showcase {{VERSION}}">
<title>{{DOC_TITLE}}</title>
<link rel="stylesheet" href="{{CSS_URL}}">
</head>
<body class="print {{DOC_CLASS}}">
{{>CONTENT}}
</body>
</html>
