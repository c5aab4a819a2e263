build-prof/generator/brochure.o: generator/brochure.c generator/buf.h \
 generator/brochure.h generator/bulletin.h generator/content.h \
 generator/page.h generator/front.h generator/imageset.h generator/md.h \
 generator/src.h generator/model.h /usr/include/cjson/cJSON.h \
 generator/plan.h generator/render.h generator/site.h generator/json.h \
 generator/stats.h generator/tmpl.h generator/util.h
generator/buf.h:
generator/brochure.h:
generator/bulletin.h:
generator/content.h:
generator/page.h:
generator/front.h:
generator/imageset.h:
generator/md.h:
generator/src.h:
generator/model.h:
/usr/include/cjson/cJSON.h:
generator/plan.h:
generator/render.h:
generator/site.h:
generator/json.h:
generator/stats.h:
generator/tmpl.h:
generator/util.h:
