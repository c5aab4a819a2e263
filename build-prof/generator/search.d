build-prof/generator/search.o: generator/search.c generator/search.h \
 generator/buf.h generator/strmap.h generator/utf8.h generator/util.h
generator/search.h:
generator/buf.h:
generator/strmap.h:
generator/utf8.h:
generator/util.h:
