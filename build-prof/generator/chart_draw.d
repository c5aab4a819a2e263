build-prof/generator/chart_draw.o: generator/chart_draw.c generator/buf.h \
 generator/chart_int.h generator/chart.h generator/diag.h \
 generator/util.h
generator/buf.h:
generator/chart_int.h:
generator/chart.h:
generator/diag.h:
generator/util.h:
