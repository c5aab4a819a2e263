build-prof/generator/inputs.o: generator/inputs.c generator/diag.h \
 generator/inputs.h generator/model.h /usr/include/cjson/cJSON.h \
 generator/site.h generator/json.h generator/src.h generator/buf.h \
 generator/stage.h generator/util.h
generator/diag.h:
generator/inputs.h:
generator/model.h:
/usr/include/cjson/cJSON.h:
generator/site.h:
generator/json.h:
generator/src.h:
generator/buf.h:
generator/stage.h:
generator/util.h:
