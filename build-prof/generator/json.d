build-prof/generator/json.o: generator/json.c generator/buf.h \
 generator/diag.h generator/json.h /usr/include/cjson/cJSON.h \
 generator/src.h generator/unicode.h generator/utf8.h generator/util.h
generator/buf.h:
generator/diag.h:
generator/json.h:
/usr/include/cjson/cJSON.h:
generator/src.h:
generator/unicode.h:
generator/utf8.h:
generator/util.h:
