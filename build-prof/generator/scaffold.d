build-prof/generator/scaffold.o: generator/scaffold.c generator/content.h \
 generator/page.h generator/front.h generator/imageset.h generator/md.h \
 generator/buf.h generator/src.h generator/diag.h generator/plan.h \
 generator/scaffold.h generator/site.h generator/json.h \
 /usr/include/cjson/cJSON.h generator/util.h
generator/content.h:
generator/page.h:
generator/front.h:
generator/imageset.h:
generator/md.h:
generator/buf.h:
generator/src.h:
generator/diag.h:
generator/plan.h:
generator/scaffold.h:
generator/site.h:
generator/json.h:
/usr/include/cjson/cJSON.h:
generator/util.h:
