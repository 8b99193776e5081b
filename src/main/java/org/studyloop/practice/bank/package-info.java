/** The catalog's items and skill order as practice reads them on the answer path: in memory. */
@NullMarked
package org.studyloop.practice.bank;

import org.jspecify.annotations.NullMarked;
