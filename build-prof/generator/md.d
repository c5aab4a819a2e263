build-prof/generator/md.o: generator/md.c generator/diag.h generator/md.h \
 generator/buf.h generator/mdshape.h generator/utf8.h generator/util.h
generator/diag.h:
generator/md.h:
generator/buf.h:
generator/mdshape.h:
generator/utf8.h:
generator/util.h:
