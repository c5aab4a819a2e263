build-prof/generator/stage.o: generator/stage.c generator/diag.h \
 generator/stage.h generator/strmap.h generator/util.h generator/buf.h
generator/diag.h:
generator/stage.h:
generator/strmap.h:
generator/util.h:
generator/buf.h:
