build-prof/generator/bulletin.o: generator/bulletin.c generator/buf.h \
 generator/bulletin.h generator/chart.h generator/chartset.h \
 generator/content.h generator/page.h generator/front.h \
 generator/imageset.h generator/md.h generator/src.h generator/diag.h \
 generator/json.h /usr/include/cjson/cJSON.h generator/model.h \
 generator/modelchart.h generator/pdf.h generator/plan.h \
 generator/qrcode.h generator/render.h generator/site.h generator/tmpl.h \
 generator/utf8.h generator/util.h
generator/buf.h:
generator/bulletin.h:
generator/chart.h:
generator/chartset.h:
generator/content.h:
generator/page.h:
generator/front.h:
generator/imageset.h:
generator/md.h:
generator/src.h:
generator/diag.h:
generator/json.h:
/usr/include/cjson/cJSON.h:
generator/model.h:
generator/modelchart.h:
generator/pdf.h:
generator/plan.h:
generator/qrcode.h:
generator/render.h:
generator/site.h:
generator/tmpl.h:
generator/utf8.h:
generator/util.h:
