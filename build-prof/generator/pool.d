build-prof/generator/pool.o: generator/pool.c generator/pool.h \
 generator/util.h generator/buf.h
generator/pool.h:
generator/util.h:
generator/buf.h:
