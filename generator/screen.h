#ifndef SHOWCASE_SCREEN_H
#define SHOWCASE_SCREEN_H

/*
 * The lobby wall screen (数据大屏): screen.html at the site root, a page
 * of its own (templates/screen.tpl, no site chrome) made from the same
 * model in the same build, whose panels rotate by themselves
 * (assets/js/screen.js), and screen-version.js, which names the build so
 * that a screen left open reloads when the site is rebuilt. docs/screen.md
 * tells how to run it in kiosk mode.
 *
 * The page is laid out in a 1920 x 1080 frame (1080 x 1920 upright) that
 * the stylesheet scales to the display. Its charts are laid out at half
 * the size they are shown at in that frame and drawn at scales 2 and 4,
 * so a 1080p screen shows them pixel for pixel with their text at twice
 * the charts' own sizes (24 px and more), and a 4K screen gets pictures
 * four times as fine, not upscaled ones.
 *
 * site.json "screen": {"panels": ["figures", ...], "interval": 15}: which
 * panels in which order (screen_panel_names), and seconds per panel. A
 * panel without data is left out, and says nothing.
 */

struct buf;
struct content;
struct diag;
struct model;
struct output;
struct pagedict;
struct site;
struct tmpl;
struct tmpl_dict;

/* The panels, in their default order, NULL-terminated. */
extern const char *const screen_panel_names[];

/* Names screen_render may give a dictionary (for render_name_known). */
extern const char *const screen_names[];

/* Problems of site.json "screen": an unknown or repeated panel, an interval
 * out of 3 to 3600 seconds. Errors at their position in site.json. */
void screen_check(const struct site *site, struct diag *d);

/*
 * Render OUT_SCREEN (the page) or OUT_SCREEN_VERSION (its version script)
 * into out, filling dict (made and freed by the caller, which may collect
 * its keys). The version is a hash of the page as rendered without it,
 * so both are made alone, in any order, and agree. Returns 0, or -1 with a
 * diagnostic. Thread-safe as render_output is.
 */
int screen_render(const struct pagedict *pd, struct tmpl *t,
		  const struct output *o, struct tmpl_dict *dict,
		  struct buf *out, struct diag *d);

#endif
