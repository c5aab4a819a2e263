build-prof/generator/plan.o: generator/plan.c generator/brochure.h \
 generator/buf.h generator/bulletin.h generator/content.h \
 generator/page.h generator/front.h generator/imageset.h generator/md.h \
 generator/src.h generator/diag.h generator/model.h \
 /usr/include/cjson/cJSON.h generator/plan.h generator/site.h \
 generator/json.h generator/unicode.h generator/utf8.h generator/util.h
generator/brochure.h:
generator/buf.h:
generator/bulletin.h:
generator/content.h:
generator/page.h:
generator/front.h:
generator/imageset.h:
generator/md.h:
generator/src.h:
generator/diag.h:
generator/model.h:
/usr/include/cjson/cJSON.h:
generator/plan.h:
generator/site.h:
generator/json.h:
generator/unicode.h:
generator/utf8.h:
generator/util.h:
