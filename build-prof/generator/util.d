build-prof/generator/util.o: generator/util.c generator/util.h \
 generator/buf.h
generator/util.h:
generator/buf.h:
