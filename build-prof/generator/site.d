build-prof/generator/site.o: generator/site.c generator/buf.h \
 generator/diag.h generator/site.h generator/json.h \
 /usr/include/cjson/cJSON.h generator/src.h generator/util.h
generator/buf.h:
generator/diag.h:
generator/site.h:
generator/json.h:
/usr/include/cjson/cJSON.h:
generator/src.h:
generator/util.h:
