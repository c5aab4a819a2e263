build-prof/generator/chart_desc.o: generator/chart_desc.c generator/buf.h \
 generator/chart_int.h generator/chart.h generator/util.h
generator/buf.h:
generator/chart_int.h:
generator/chart.h:
generator/util.h:
