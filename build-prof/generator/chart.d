build-prof/generator/chart.o: generator/chart.c generator/buf.h \
 generator/chart_int.h generator/chart.h generator/diag.h \
 generator/util.h
generator/buf.h:
generator/chart_int.h:
generator/chart.h:
generator/diag.h:
generator/util.h:
