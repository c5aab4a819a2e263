build-prof/generator/utf8.o: generator/utf8.c generator/buf.h \
 generator/unicode.h generator/utf8.h
generator/buf.h:
generator/unicode.h:
generator/utf8.h:
