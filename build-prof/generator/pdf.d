build-prof/generator/pdf.o: generator/pdf.c generator/buf.h \
 generator/diag.h generator/pdf.h generator/pool.h generator/printfont.h \
 generator/util.h
generator/buf.h:
generator/diag.h:
generator/pdf.h:
generator/pool.h:
generator/printfont.h:
generator/util.h:
