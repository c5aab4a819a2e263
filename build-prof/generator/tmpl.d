build-prof/generator/tmpl.o: generator/tmpl.cc generator/buf.h \
 generator/diag.h generator/src.h generator/tmpl.h generator/util.h
generator/buf.h:
generator/diag.h:
generator/src.h:
generator/tmpl.h:
generator/util.h:
