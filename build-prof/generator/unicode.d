build-prof/generator/unicode.o: generator/unicode.c generator/buf.h \
 generator/unicode.h generator/util.h
generator/buf.h:
generator/unicode.h:
generator/util.h:
