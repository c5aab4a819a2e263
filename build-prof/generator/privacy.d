build-prof/generator/privacy.o: generator/privacy.c generator/buf.h \
 generator/data.h /usr/include/cjson/cJSON.h generator/model.h \
 generator/diag.h generator/htmltext.h generator/privacy.h \
 generator/site.h generator/json.h generator/src.h generator/unicode.h \
 generator/util.h
generator/buf.h:
generator/data.h:
/usr/include/cjson/cJSON.h:
generator/model.h:
generator/diag.h:
generator/htmltext.h:
generator/privacy.h:
generator/site.h:
generator/json.h:
generator/src.h:
generator/unicode.h:
generator/util.h:
