build-prof/generator/printfont.o: generator/printfont.c generator/buf.h \
 generator/diag.h generator/printfont.h generator/utf8.h generator/util.h
generator/buf.h:
generator/diag.h:
generator/printfont.h:
generator/utf8.h:
generator/util.h:
