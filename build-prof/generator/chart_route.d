build-prof/generator/chart_route.o: generator/chart_route.c \
 generator/buf.h generator/chart_int.h generator/chart.h generator/utf8.h \
 generator/util.h
generator/buf.h:
generator/chart_int.h:
generator/chart.h:
generator/utf8.h:
generator/util.h:
