build-prof/generator/front.o: generator/front.c generator/buf.h \
 generator/diag.h generator/front.h generator/src.h generator/utf8.h \
 generator/util.h
generator/buf.h:
generator/diag.h:
generator/front.h:
generator/src.h:
generator/utf8.h:
generator/util.h:
