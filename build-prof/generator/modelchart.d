build-prof/generator/modelchart.o: generator/modelchart.c \
 generator/assess.h generator/model.h /usr/include/cjson/cJSON.h \
 generator/buf.h generator/chart.h generator/modelchart.h \
 generator/util.h
generator/assess.h:
generator/model.h:
/usr/include/cjson/cJSON.h:
generator/buf.h:
generator/chart.h:
generator/modelchart.h:
generator/util.h:
