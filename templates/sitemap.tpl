{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{#URLS}}<url><loc>{{URL}}</loc>{{#HAS_LASTMOD}}<lastmod>{{LASTMOD}}</lastmod>{{/HAS_LASTMOD}}</url>
{{/URLS}}</urlset>
