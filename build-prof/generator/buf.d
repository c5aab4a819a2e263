build-prof/generator/buf.o: generator/buf.c generator/buf.h \
 generator/util.h
generator/buf.h:
generator/util.h:
