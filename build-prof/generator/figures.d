build-prof/generator/figures.o: generator/figures.c generator/buf.h \
 generator/diag.h generator/figures.h generator/model.h \
 /usr/include/cjson/cJSON.h generator/src.h generator/util.h
generator/buf.h:
generator/diag.h:
generator/figures.h:
generator/model.h:
/usr/include/cjson/cJSON.h:
generator/src.h:
generator/util.h:
