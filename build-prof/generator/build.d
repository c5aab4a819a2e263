build-prof/generator/build.o: generator/build.c generator/build.h \
 generator/bulletin.h generator/chart.h generator/chartset.h \
 generator/content.h generator/page.h generator/front.h \
 generator/imageset.h generator/md.h generator/buf.h generator/src.h \
 generator/inputs.h generator/data.h /usr/include/cjson/cJSON.h \
 generator/model.h generator/diag.h generator/figures.h \
 generator/htmltext.h generator/plan.h generator/pdf.h generator/pool.h \
 generator/privacy.h generator/render.h generator/search.h \
 generator/site.h generator/json.h generator/stage.h generator/stats.h \
 generator/tmpl.h generator/unicode.h generator/util.h \
 build-prof/version.h
generator/build.h:
generator/bulletin.h:
generator/chart.h:
generator/chartset.h:
generator/content.h:
generator/page.h:
generator/front.h:
generator/imageset.h:
generator/md.h:
generator/buf.h:
generator/src.h:
generator/inputs.h:
generator/data.h:
/usr/include/cjson/cJSON.h:
generator/model.h:
generator/diag.h:
generator/figures.h:
generator/htmltext.h:
generator/plan.h:
generator/pdf.h:
generator/pool.h:
generator/privacy.h:
generator/render.h:
generator/search.h:
generator/site.h:
generator/json.h:
generator/stage.h:
generator/stats.h:
generator/tmpl.h:
generator/unicode.h:
generator/util.h:
build-prof/version.h:
