build-prof/generator/chart_parse.o: generator/chart_parse.c \
 generator/buf.h generator/chart_int.h generator/chart.h generator/diag.h \
 generator/unicode.h generator/utf8.h generator/util.h
generator/buf.h:
generator/chart_int.h:
generator/chart.h:
generator/diag.h:
generator/unicode.h:
generator/utf8.h:
generator/util.h:
