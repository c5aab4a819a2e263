build-prof/generator/render.o: generator/render.c generator/brochure.h \
 generator/buf.h generator/bulletin.h generator/chart.h \
 generator/chartset.h generator/content.h generator/page.h \
 generator/front.h generator/imageset.h generator/md.h generator/src.h \
 generator/diag.h generator/model.h /usr/include/cjson/cJSON.h \
 generator/modelchart.h generator/plan.h generator/render.h \
 generator/site.h generator/json.h generator/stats.h generator/tmpl.h \
 generator/util.h
generator/brochure.h:
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
generator/model.h:
/usr/include/cjson/cJSON.h:
generator/modelchart.h:
generator/plan.h:
generator/render.h:
generator/site.h:
generator/json.h:
generator/stats.h:
generator/tmpl.h:
generator/util.h:
