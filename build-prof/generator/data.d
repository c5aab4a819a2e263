build-prof/generator/data.o: generator/data.c generator/assess.h \
 generator/model.h /usr/include/cjson/cJSON.h generator/buf.h \
 generator/data.h generator/diag.h generator/json.h generator/site.h \
 generator/src.h generator/strmap.h generator/utf8.h generator/util.h
generator/assess.h:
generator/model.h:
/usr/include/cjson/cJSON.h:
generator/buf.h:
generator/data.h:
generator/diag.h:
generator/json.h:
generator/site.h:
generator/src.h:
generator/strmap.h:
generator/utf8.h:
generator/util.h:
