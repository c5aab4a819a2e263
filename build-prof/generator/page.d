build-prof/generator/page.o: generator/page.c generator/chart.h \
 generator/chartset.h generator/diag.h generator/figures.h \
 generator/modelchart.h generator/page.h generator/front.h \
 generator/imageset.h generator/md.h generator/buf.h generator/src.h \
 generator/site.h generator/json.h /usr/include/cjson/cJSON.h \
 generator/util.h
generator/chart.h:
generator/chartset.h:
generator/diag.h:
generator/figures.h:
generator/modelchart.h:
generator/page.h:
generator/front.h:
generator/imageset.h:
generator/md.h:
generator/buf.h:
generator/src.h:
generator/site.h:
generator/json.h:
/usr/include/cjson/cJSON.h:
generator/util.h:
