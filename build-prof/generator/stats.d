build-prof/generator/stats.o: generator/stats.c generator/assess.h \
 generator/model.h /usr/include/cjson/cJSON.h generator/buf.h \
 generator/content.h generator/page.h generator/front.h \
 generator/imageset.h generator/md.h generator/src.h generator/diag.h \
 generator/json.h generator/plan.h generator/site.h generator/stats.h \
 generator/tmpl.h generator/util.h
generator/assess.h:
generator/model.h:
/usr/include/cjson/cJSON.h:
generator/buf.h:
generator/content.h:
generator/page.h:
generator/front.h:
generator/imageset.h:
generator/md.h:
generator/src.h:
generator/diag.h:
generator/json.h:
generator/plan.h:
generator/site.h:
generator/stats.h:
generator/tmpl.h:
generator/util.h:
