build-prof/generator/imageset.o: generator/imageset.c generator/buf.h \
 generator/diag.h generator/imageset.h generator/inputs.h \
 generator/pool.h generator/stage.h generator/strmap.h generator/util.h
generator/buf.h:
generator/diag.h:
generator/imageset.h:
generator/inputs.h:
generator/pool.h:
generator/stage.h:
generator/strmap.h:
generator/util.h:
