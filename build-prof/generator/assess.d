build-prof/generator/assess.o: generator/assess.c generator/assess.h \
 generator/model.h /usr/include/cjson/cJSON.h generator/buf.h \
 generator/util.h
generator/assess.h:
generator/model.h:
/usr/include/cjson/cJSON.h:
generator/buf.h:
generator/util.h:
