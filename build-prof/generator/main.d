build-prof/generator/main.o: generator/main.c generator/build.h \
 generator/data.h /usr/include/cjson/cJSON.h generator/model.h \
 generator/scaffold.h generator/buf.h generator/page.h generator/front.h \
 generator/imageset.h generator/md.h generator/src.h generator/serve.h \
 generator/site.h generator/json.h generator/stage.h generator/diag.h \
 generator/inputs.h generator/util.h build-prof/version.h \
 generator/watch.h
generator/build.h:
generator/data.h:
/usr/include/cjson/cJSON.h:
generator/model.h:
generator/scaffold.h:
generator/buf.h:
generator/page.h:
generator/front.h:
generator/imageset.h:
generator/md.h:
generator/src.h:
generator/serve.h:
generator/site.h:
generator/json.h:
generator/stage.h:
generator/diag.h:
generator/inputs.h:
generator/util.h:
build-prof/version.h:
generator/watch.h:
