/**
 * The pages' shell (docs/web.md): the layout every page shares, the language of a page, the home
 * page that sends each role on, and the installable web app (manifest, service worker). The pages
 * themselves live in the {@code web} package of the module whose data they show, beside its API
 * controllers, with their templates under {@code templates/<module>/}. No module depends on this one
 * in code; pages use its layout by template name ({@code ui/layout}).
 */
@ApplicationModule(displayName = "Pages")
@NullMarked
package org.studyloop.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
