build-prof/generator/mdshape.o: generator/mdshape.c generator/diag.h \
 generator/mdshape.h generator/utf8.h generator/util.h generator/buf.h
generator/diag.h:
generator/mdshape.h:
generator/utf8.h:
generator/util.h:
generator/buf.h:
