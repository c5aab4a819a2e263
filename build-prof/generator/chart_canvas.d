build-prof/generator/chart_canvas.o: generator/chart_canvas.c \
 /usr/include/libpng16/png.h /usr/include/libpng16/pnglibconf.h \
 /usr/include/libpng16/pngconf.h generator/buf.h generator/chart_int.h \
 generator/chart.h generator/utf8.h generator/util.h
/usr/include/libpng16/png.h:
/usr/include/libpng16/pnglibconf.h:
/usr/include/libpng16/pngconf.h:
generator/buf.h:
generator/chart_int.h:
generator/chart.h:
generator/utf8.h:
generator/util.h:
