build-prof/generator/strmap.o: generator/strmap.c generator/strmap.h \
 generator/util.h generator/buf.h
generator/strmap.h:
generator/util.h:
generator/buf.h:
