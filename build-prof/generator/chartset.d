build-prof/generator/chartset.o: generator/chartset.c generator/buf.h \
 generator/chart.h generator/chartset.h generator/diag.h generator/pool.h \
 generator/stage.h generator/util.h
generator/buf.h:
generator/chart.h:
generator/chartset.h:
generator/diag.h:
generator/pool.h:
generator/stage.h:
generator/util.h:
