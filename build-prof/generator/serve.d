build-prof/generator/serve.o: generator/serve.c \
 /usr/include/cjson/cJSON.h generator/build.h generator/content.h \
 generator/page.h generator/front.h generator/imageset.h generator/md.h \
 generator/buf.h generator/src.h generator/diag.h generator/pool.h \
 generator/serve.h generator/site.h generator/json.h generator/util.h \
 generator/webfile.h build-prof/reload.h
/usr/include/cjson/cJSON.h:
generator/build.h:
generator/content.h:
generator/page.h:
generator/front.h:
generator/imageset.h:
generator/md.h:
generator/buf.h:
generator/src.h:
generator/diag.h:
generator/pool.h:
generator/serve.h:
generator/site.h:
generator/json.h:
generator/util.h:
generator/webfile.h:
build-prof/reload.h:
