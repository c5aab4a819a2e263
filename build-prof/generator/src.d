build-prof/generator/src.o: generator/src.c generator/diag.h \
 generator/src.h generator/buf.h generator/utf8.h generator/util.h
generator/diag.h:
generator/src.h:
generator/buf.h:
generator/utf8.h:
generator/util.h:
