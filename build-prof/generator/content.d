build-prof/generator/content.o: generator/content.c generator/content.h \
 generator/page.h generator/front.h generator/imageset.h generator/md.h \
 generator/buf.h generator/src.h generator/diag.h generator/pool.h \
 generator/site.h generator/json.h /usr/include/cjson/cJSON.h \
 generator/util.h
generator/content.h:
generator/page.h:
generator/front.h:
generator/imageset.h:
generator/md.h:
generator/buf.h:
generator/src.h:
generator/diag.h:
generator/pool.h:
generator/site.h:
generator/json.h:
/usr/include/cjson/cJSON.h:
generator/util.h:
