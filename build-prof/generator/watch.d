build-prof/generator/watch.o: generator/watch.c generator/diag.h \
 generator/util.h generator/buf.h generator/watch.h
generator/diag.h:
generator/util.h:
generator/buf.h:
generator/watch.h:
