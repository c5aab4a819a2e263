build-prof/generator/qrcode.o: generator/qrcode.c generator/buf.h \
 generator/qrcode.h generator/util.h
generator/buf.h:
generator/qrcode.h:
generator/util.h:
