build-prof/generator/webfile.o: generator/webfile.c generator/util.h \
 generator/buf.h generator/webfile.h
generator/util.h:
generator/buf.h:
generator/webfile.h:
