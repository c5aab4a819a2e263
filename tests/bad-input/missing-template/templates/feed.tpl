{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>{{SITE_TITLE}}</title>
<subtitle>典型案例</subtitle>
<id>{{FEED_ID}}</id>
<link rel="alternate" type="text/html" href="{{SITE_URL}}"/>
<link rel="self" type="application/atom+xml" href="{{FEED_URL}}"/>
<updated>{{UPDATED}}T00:00:00+08:00</updated>
<author><name>{{OFFICE}}</name></author>
{{#ENTRIES}}<entry>
<title>{{TITLE}}</title>
<id>{{ID}}</id>
<link rel="alternate" type="text/html" href="{{URL}}"/>
<updated>{{DATE}}T00:00:00+08:00</updated>
<summary>{{SUMMARY}}</summary>
</entry>
{{/ENTRIES}}</feed>
