build-prof/generator/diag.o: generator/diag.c generator/buf.h \
 generator/diag.h generator/utf8.h generator/util.h
generator/buf.h:
generator/diag.h:
generator/utf8.h:
generator/util.h:
